using System.Collections.Generic;
using System.Linq;
using Sessions.Protocol.Schema.Collections;

namespace Sessions.Protocol.Schema.Model;

/// <summary>
/// How the reader of a union told apart by rules (<see cref="IsRecognisedByRules"/>) is laid out: which members its
/// probe notes, in which locals and presence bits, and the tests of each rule in the order they are tried. The emitter
/// prints these; it numbers and joins nothing itself.
/// </summary>
public sealed partial record UnionTypeModel
{
    /// <summary>Whether the probe keeps a presence mask (some rule asks whether a member is present).</summary>
    public bool ProbeNotesPresence => ProbedProperties.Count + NestedProbes.Count > 0;

    /// <summary>
    /// The members, besides the tag, that the probe looks for, in the order it tests their names: first those whose
    /// string value a rule tests, then those only probed for presence, then those only looked into.
    /// </summary>
    public IReadOnlyList<ProbedMember> ProbedMembers
    {
        get
        {
            var members = new List<ProbedMember>();
            foreach (var test in Variants.SelectMany(v => v.Recognition?.ValueTests ?? default).GroupBy(t => t.Property).Select(g => g.First()))
            {
                members.Add(new ProbedMember(test.Property, PresenceBitOf(test.Property), test.Local, default));
            }

            foreach (var property in ProbedProperties.Where(p => !members.Any(m => m.WireName == p)))
            {
                members.Add(new ProbedMember(property, PresenceBitOf(property), null, NestedBitsOf(property)));
            }

            foreach (var property in NestedProbes.Select(p => p.Property).Distinct().Where(p => !members.Any(m => m.WireName == p)).ToList())
            {
                members.Add(new ProbedMember(property, null, null, NestedBitsOf(property)));
            }

            return members;
        }
    }

    /// <summary>
    /// The rules in the order they are tried, each with its tests; the list stops at the first rule that always holds
    /// (the rules after it could never be reached).
    /// </summary>
    public IReadOnlyList<RuleCheck> RuleChecks
    {
        get
        {
            var checks = new List<RuleCheck>();
            foreach (var variant in Variants.Where(v => v.Recognition is not null).OrderBy(v => v.Recognition!.Order))
            {
                var rule = variant.Recognition!;
                var tests = new List<RuleTest>();
                if (DiscriminatorWireName is not null && (rule.TagValues.Count > 0 || rule.WhenTagAbsent))
                {
                    tests.Add(new TagTest(rule.TagValues, rule.WhenTagAbsent));
                }

                tests.AddRange(rule.ValueTests.Select(t => new ValueTest(t.Local, t.Values)));
                if (rule.RequiredMask != 0)
                {
                    tests.Add(new PresenceTest(rule.RequiredMask));
                }

                var check = new RuleCheck(variant, new EquatableArray<RuleTest>(tests.ToArray()));
                checks.Add(check);
                if (check.AlwaysHolds)
                {
                    break;
                }
            }

            return checks;
        }
    }

    /// <summary>Whether an object no rule recognises is read as the unknown variant (no rule always holds).</summary>
    public bool RulesFallBackToUnknown => !RuleChecks.Any(c => c.AlwaysHolds);

    private int? PresenceBitOf(string property)
    {
        var bit = ProbedProperties.ToList().IndexOf(property);
        return bit >= 0 ? bit : null;
    }

    // Nested probe i is bit ProbedProperties.Count + i of the presence mask.
    private EquatableArray<NestedMemberBit> NestedBitsOf(string property)
        => new(NestedProbes.Select((p, i) => (Probe: p, Bit: ProbedProperties.Count + i))
            .Where(p => p.Probe.Property == property)
            .Select(p => new NestedMemberBit(p.Probe.Member, p.Bit))
            .ToArray());
}

/// <summary>A member of the object the probe of a rule union looks for by name, and what it notes of it.</summary>
/// <param name="WireName">The member's name on the wire.</param>
/// <param name="PresenceBit">The bit of the presence mask it sets when present, or null when no rule asks.</param>
/// <param name="ValueLocal">The local that keeps its value when it is a string (null in the local otherwise); null when no rule tests its value.</param>
/// <param name="NestedMembers">Members of its object value whose presence the probe notes; empty when its value is skipped.</param>
public sealed record ProbedMember(string WireName, int? PresenceBit, string? ValueLocal, EquatableArray<NestedMemberBit> NestedMembers);

/// <summary>A member of an object property whose presence the probe notes, and its bit of the presence mask.</summary>
/// <param name="Member">The member's name on the wire.</param>
/// <param name="Bit">Its bit of the presence mask.</param>
public sealed record NestedMemberBit(string Member, int Bit);

/// <summary>One rule as the reader tries it: the variant it picks and the tests that must all hold.</summary>
/// <param name="Variant">The variant the rule recognises.</param>
/// <param name="Tests">The tests, all of which must hold; none when the rule always holds.</param>
public sealed record RuleCheck(UnionVariantModel Variant, EquatableArray<RuleTest> Tests)
{
    /// <summary>Whether the rule holds for any object (it has no test).</summary>
    public bool AlwaysHolds => Tests.Count == 0;
}

/// <summary>One test of a <see cref="RuleCheck"/>.</summary>
public abstract record RuleTest;

/// <summary>The tag's string value is one of <paramref name="Values"/>, or the tag is absent when <paramref name="OrAbsent"/>.</summary>
/// <param name="Values">The tag values that pass.</param>
/// <param name="OrAbsent">Whether an absent tag (or one that is not a string) passes too.</param>
public sealed record TagTest(EquatableArray<string> Values, bool OrAbsent) : RuleTest;

/// <summary>The string value kept in <paramref name="Local"/> is one of <paramref name="Values"/>.</summary>
/// <param name="Local">The local of the member's value (<see cref="ProbedMember.ValueLocal"/>).</param>
/// <param name="Values">The values that pass.</param>
public sealed record ValueTest(string Local, EquatableArray<string> Values) : RuleTest;

/// <summary>Every member whose bit is set in <paramref name="Mask"/> is present.</summary>
/// <param name="Mask">The presence bits that must all be set.</param>
public sealed record PresenceTest(long Mask) : RuleTest;
