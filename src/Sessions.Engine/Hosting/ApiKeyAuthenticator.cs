using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Sessions.Engine.Hosting;

/// <summary>Checks <c>Authorization: Bearer &lt;key&gt;</c> against the configured keys. Keys are compared, never logged.</summary>
/// <remarks>
/// The header is parsed strictly (RFC 6750 section 2.1): exactly one <c>Authorization</c> header, the scheme <c>Bearer</c>
/// in any case, exactly one space, then a token of the b64token characters (letters, digits, <c>-._~+/</c>, then
/// <c>=</c> padding only) and nothing else: no tabs, vertical tabs, form feeds or other whitespace around it, no
/// trimming. The token is then compared with each key exactly, byte for byte, in fixed time. Hand-written because
/// ASP.NET Core's <c>AuthenticationHeaderValue.TryParse</c> accepts and trims whitespace around the parameter.
/// </remarks>
internal sealed class ApiKeyAuthenticator
{
    private const string Scheme = "Bearer";
    private readonly (string Key, byte[] Utf8)[] keys;

    public ApiKeyAuthenticator(IEnumerable<string> keys)
        => this.keys = keys.Select(key => (key, Encoding.UTF8.GetBytes(key))).ToArray();

    /// <summary>The configured key the request presents (the identity that owns sessions), or null when it presents none that matches.</summary>
    public string? Authenticate(HttpRequest request)
    {
        var headers = request.Headers[HeaderNames.Authorization];
        if (headers.Count != 1 || TokenOf(headers[0]) is not { } token)
        {
            return null;
        }

        var presented = Encoding.ASCII.GetBytes(token);
        string? match = null;
        foreach (var (key, utf8) in keys)
        {
            // Fixed-time comparison, and no early exit: how long a wrong key takes to refuse says nothing about the right one.
            if (CryptographicOperations.FixedTimeEquals(presented, utf8))
            {
                match ??= key;
            }
        }

        return match;
    }

    /// <summary>The token of a strict <c>Bearer</c> credential, or null when <paramref name="header"/> is not exactly one.</summary>
    internal static string? TokenOf(string? header)
    {
        if (header is null || header.Length <= Scheme.Length + 1
            || !header.AsSpan(0, Scheme.Length).Equals(Scheme, StringComparison.OrdinalIgnoreCase)
            || header[Scheme.Length] != ' ')
        {
            return null;
        }

        var token = header.AsSpan(Scheme.Length + 1);
        var index = 0;
        while (index < token.Length && IsToken68Char(token[index]))
        {
            index++;
        }

        if (index == 0)
        {
            return null;
        }

        while (index < token.Length && token[index] == '=')
        {
            index++;
        }

        return index == token.Length ? token.ToString() : null;
    }

    private static bool IsToken68Char(char c)
        => c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '.' or '_' or '~' or '+' or '/';
}
