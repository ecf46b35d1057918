using System;
using System.Collections.Generic;
using Microsoft.Extensions.Options;

namespace Sessions.Hosting;

/// <summary>
/// Checks a client's options when the host starts (<c>ValidateOnStart</c>), so a missing address or key, or a timeout
/// that cannot work, stops the application at start-up with a message that names the configuration key, instead of
/// failing the first request. The key itself is never part of a message.
/// </summary>
internal sealed class SessionClientOptionsValidator : IValidateOptions<SessionClientOptions>
{
    private readonly string _name;
    private readonly string _section;

    public SessionClientOptionsValidator(string name, string section)
    {
        _name = name;
        _section = section;
    }

    public ValidateOptionsResult Validate(string? name, SessionClientOptions options)
    {
        if (!string.Equals(name ?? Options.DefaultName, _name, StringComparison.Ordinal))
        {
            return ValidateOptionsResult.Skip;
        }

        var failures = new List<string>();
        var client = _name.Length == 0 ? "The session client" : $"The session client '{_name}'";
        var address = options.BaseAddress
            ?? (Environment.GetEnvironmentVariable(SessionClientOptions.BaseAddressVariable) is { Length: > 0 } fromEnvironment
                && Uri.TryCreate(fromEnvironment, UriKind.Absolute, out var parsed) ? parsed : null);
        if (address is null)
        {
            failures.Add($"{client} has no engine address: set {Key("BaseAddress")} (or {SessionClientOptions.BaseAddressVariable}).");
        }
        else if (EngineAddress.Problem(address) is { } problem)
        {
            failures.Add($"{client}: {Key("BaseAddress")} {problem}.");
        }
        else if (address.Scheme is "http" or "ws" && !address.IsLoopback && !options.AllowInsecureTransport)
        {
            failures.Add($"{client}: {Key("BaseAddress")} is clear-text {address.Scheme}:// to {address.Host}; the token would cross the network unencrypted. Use https, or set {Key("AllowInsecureTransport")}.");
        }

        if (options.Credential is null && string.IsNullOrEmpty(options.ApiKey)
            && string.IsNullOrEmpty(Environment.GetEnvironmentVariable(SessionClientOptions.ApiKeyVariable)))
        {
            failures.Add($"{client} has no credential: set {Key("ApiKey")} (or {SessionClientOptions.ApiKeyVariable}), or a SessionCredential in code.");
        }

        Positive(failures, client, "ConnectTimeout", options.ConnectTimeout);
        Positive(failures, client, "RequestTimeout", options.RequestTimeout);
        Positive(failures, client, "CloseTimeout", options.CloseTimeout);
        Positive(failures, client, "DeadPeerTimeout", options.DeadPeerTimeout);
        if (options.KeepAliveInterval < TimeSpan.Zero)
        {
            failures.Add($"{client}: {Key("KeepAliveInterval")} cannot be negative (00:00:00 turns keep-alive off).");
        }
        else if (options.KeepAliveInterval > TimeSpan.Zero && options.KeepAliveInterval >= options.DeadPeerTimeout)
        {
            failures.Add($"{client}: {Key("KeepAliveInterval")} ({options.KeepAliveInterval}) must be shorter than {Key("DeadPeerTimeout")} ({options.DeadPeerTimeout}), or every quiet connection counts as dead.");
        }

        if (options.MaxFrameBytes < 1024)
        {
            failures.Add($"{client}: {Key("MaxFrameBytes")} must be at least 1024 bytes, not {options.MaxFrameBytes}.");
        }

        if (options.ReconnectPolicy is ExponentialBackoffReconnectPolicy backoff)
        {
            NotNegative(failures, client, "Reconnect:InitialDelay", backoff.InitialDelay);
            NotNegative(failures, client, "Reconnect:MaxDelay", backoff.MaxDelay);
            NotNegative(failures, client, "Reconnect:MaxElapsed", backoff.MaxElapsed);
            if (backoff.MaxAttempts < 0)
            {
                failures.Add($"{client}: {Key("Reconnect:MaxAttempts")} cannot be negative, not {backoff.MaxAttempts}.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private void Positive(List<string> failures, string client, string key, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"{client}: {Key(key)} must be positive, not {value}.");
        }
    }

    private void NotNegative(List<string> failures, string client, string key, TimeSpan value)
    {
        if (value < TimeSpan.Zero)
        {
            failures.Add($"{client}: {Key(key)} cannot be negative, not {value}.");
        }
    }

    private string Key(string key) => _section.Length == 0 ? key : _section + ":" + key;
}
