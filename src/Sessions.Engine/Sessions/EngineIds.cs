using System;
using System.Security.Cryptography;

namespace Sessions.Engine.Sessions;

/// <summary>Random ids. Session ids are 24 hex digits, like VectorShift's; the others carry a prefix that says what they name.</summary>
internal static class EngineIds
{
    public static string NewSessionId() => Hex(12);

    public static string NewMessageId() => "msg_" + Hex(12);

    public static string NewToolCallId() => "call_" + Hex(8);

    public static string NewApprovalId() => "apr_" + Hex(8);

    /// <summary>A development API key, made up at start-up when none is configured.</summary>
    public static string NewDevelopmentKey() => "dev-" + Hex(16);

    private static string Hex(int bytes) => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(bytes));
}
