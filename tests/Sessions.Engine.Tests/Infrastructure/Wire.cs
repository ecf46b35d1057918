using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Sessions.Serialization;

namespace Sessions.Engine.Tests.Infrastructure;

/// <summary>
/// Events as JSON text, for comparing them: the generated records compare their lists and maps by reference, so two
/// equal events read from two frames are not <c>Equals</c>; their JSON is.
/// </summary>
internal static class Wire
{
    public static string Of(SessionEvent sessionEvent)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            SessionEventJsonConverter.WriteValue(writer, sessionEvent);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public static List<string> Of(IEnumerable<SessionEvent> events) => events.Select(Of).ToList();
}
