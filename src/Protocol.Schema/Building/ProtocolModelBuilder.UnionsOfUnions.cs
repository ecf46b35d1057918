using System.Collections.Generic;
using System.Linq;

namespace Sessions.Protocol.Schema.Building;

/// <summary>
/// A union whose alternatives are themselves unions of objects (GitHub's root: a oneOf of 66 event unions, each a
/// oneOf of its actions) takes their variants as its own. The inner unions are built first, so each keeps the
/// abstract record with the properties its variants share (<c>IssuesEvent.Repository</c>), and the outer one, whose
/// variants then already have a base, becomes an interface: which one is which does not depend on which definition
/// the build happens to meet first.
/// </summary>
internal sealed partial class ProtocolModelBuilder
{
    // Unions whose inner unions are being built first, to stop a union that is (through others) its own alternative.
    private readonly HashSet<(string Path, string Pointer)> _claimingInner = new();

    /// <summary>Builds the unions among <paramref name="alternatives"/> (by <c>$ref</c>) that the union will flatten.</summary>
    private void BuildInnerUnionsFirst(SchemaNode node, List<SchemaNode> alternatives)
    {
        if (!_claimingInner.Add(node.Key))
        {
            return;
        }

        try
        {
            var visiting = new HashSet<(string, string)> { node.Key };
            foreach (var alternative in alternatives.Select(a => Unwrapped(a, visiting)))
            {
                if (alternative.Value.StringOf("$ref") is { } reference
                    && FindReferenceQuietly(alternative, reference) is { } target
                    && !_built.ContainsKey(target.Key)
                    && IsUnion(target))
                {
                    // Only the side effect matters: the inner union and its variant records are generated.
                    _ = Resolve(alternative, string.Empty);
                }
            }
        }
        finally
        {
            _claimingInner.Remove(node.Key);
        }
    }
}
