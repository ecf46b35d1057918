namespace Sessions.Protocol.Schema.Model;

/// <summary>
/// A member a union's reader looks for inside an object property, to tell apart variants that differ only one level
/// down (GitHub's dependabot and secret-scanning "reopened" events: <c>alert</c> has <c>state</c> in one, and may not
/// have it in the other).
/// </summary>
/// <param name="Property">The property on the wire whose object value is looked into.</param>
/// <param name="Member">The member of that object whose presence is noted.</param>
public sealed record NestedProbe(string Property, string Member);
