using System;

namespace Sessions;

/// <summary>
/// What an engine address may be: absolute http(s) or ws(s), with no user information, query or fragment. Those three
/// would be copied into every URL the client builds, and from there into logs, exception messages and spans; they are
/// also where a secret pasted into an address would sit, so a problem is described without repeating the address.
/// </summary>
internal static class EngineAddress
{
    /// <summary>Why <paramref name="address"/> cannot be an engine address, as the end of a sentence; null when it can.</summary>
    public static string? Problem(Uri address)
    {
        if (!address.IsAbsoluteUri)
        {
            return "must be an absolute http(s) or ws(s) address";
        }

        if (address.Scheme is not ("http" or "https" or "ws" or "wss"))
        {
            return $"must be http(s) or ws(s), not '{address.Scheme}'";
        }

        if (address.UserInfo.Length > 0)
        {
            return "must not contain user information (user:password@); give the key as ApiKey or a Credential instead";
        }

        if (address.Query.Length > 0)
        {
            return "must not contain a query string (?...); give the key as ApiKey or a Credential instead";
        }

        return address.Fragment.Length > 0 ? "must not contain a fragment (#...)" : null;
    }
}
