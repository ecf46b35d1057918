using Sessions.Serialization;

namespace Sessions.Engine;

/// <summary>The engine's one way from an <see cref="ErrorCode"/> (the schema's enum) to the string an <c>error</c> event carries.</summary>
internal static class ErrorCodes
{
    public static string WireName(ErrorCode code) => ErrorCodeJsonConverter.ToWireName(code);
}
