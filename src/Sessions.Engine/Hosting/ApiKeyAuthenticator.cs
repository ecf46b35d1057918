using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Sessions.Engine.Hosting;

/// <summary>Checks <c>Authorization: Bearer &lt;key&gt;</c> against the configured keys. Keys are compared, never logged.</summary>
internal sealed class ApiKeyAuthenticator
{
    private readonly (string Key, byte[] Utf8)[] keys;

    public ApiKeyAuthenticator(IEnumerable<string> keys)
        => this.keys = keys.Select(key => (key, Encoding.UTF8.GetBytes(key))).ToArray();

    /// <summary>The configured key the request presents (the identity that owns sessions), or null when it presents none that matches.</summary>
    public string? Authenticate(HttpRequest request)
    {
        var header = request.Headers[HeaderNames.Authorization].ToString();
        const string Scheme = "Bearer ";
        if (!header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var presented = Encoding.UTF8.GetBytes(header.AsSpan(Scheme.Length).Trim().ToString());
        foreach (var (key, utf8) in keys)
        {
            // Fixed-time comparison: how long a wrong key takes to refuse says nothing about the right one.
            if (CryptographicOperations.FixedTimeEquals(presented, utf8))
            {
                return key;
            }
        }

        return null;
    }
}
