using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Sessions.Benchmarks.Workloads;

/// <summary>
/// The frames of one agent turn as the engine sends them (compact JSON, one object per WebSocket text frame),
/// and a turn's large tool result. The shapes and values follow <c>tests/golden/events</c>; the proportions
/// (mostly short deltas) follow a streamed reply.
/// </summary>
public static class RecordedTurn
{
    public const string SessionId = "65f1c0a93b7e4d2a8c19e0f4";
    public const string MessageId = "65f1c0b27d4e9a1f3c8b5a60";

    /// <summary>The reply, split into deltas of one to three words, as a model streams it.</summary>
    private const string Reply =
        "The cheapest direct flight from Berlin to Lisbon on 14 June is TP 559, leaving BER at 06:10 and landing in LIS at 08:55 local time, " +
        "for 89 EUR in Economy Classic. The fare includes one checked bag of up to 23 kg and one piece of hand luggage of up to 8 kg. " +
        "The next cheapest option is FR 1024 at 112.50 EUR, which leaves later in the morning but charges extra for a checked bag. " +
        "I can book TP 559 for you once you approve the booking request.";

    /// <summary>A recorded turn: ack, streaming start, thinking, tool call and result, search result, approval request, many deltas, completion.</summary>
    public static byte[][] Frames { get; } = BuildTurn();

    /// <summary>How many of <see cref="Frames"/> are <c>message_delta</c> frames.</summary>
    public static int DeltaCount { get; private set; }

    /// <summary>One <c>tool_result</c> frame whose <c>result</c> is about 64 KiB of JSON.</summary>
    public static byte[] LargeToolResult { get; } = BuildLargeToolResult(64 * 1024);

    /// <summary>The same turn as text, one frame per line (for the record in RESULTS.md).</summary>
    public static string Describe()
    {
        var kinds = new SortedDictionary<string, int>(StringComparer.Ordinal);
        long bytes = 0;
        foreach (var frame in Frames)
        {
            bytes += frame.Length;
            var text = Encoding.UTF8.GetString(frame);
            var start = text.IndexOf("\"type\":\"", StringComparison.Ordinal) + 8;
            var kind = text.Substring(start, text.IndexOf('"', start) - start);
            kinds[kind] = kinds.TryGetValue(kind, out var n) ? n + 1 : 1;
        }

        var parts = new List<string>();
        foreach (var pair in kinds)
        {
            parts.Add(pair.Value + " " + pair.Key);
        }

        return string.Format(CultureInfo.InvariantCulture, "{0} frames, {1:N0} bytes ({2:0} B/frame avg): {3}",
            Frames.Length, bytes, (double)bytes / Frames.Length, string.Join(", ", parts));
    }

    private static byte[][] BuildTurn()
    {
        var frames = new List<string>();
        long seq = 43;
        string Env(string type, bool withMessage = true) =>
            "{\"type\":\"" + type + "\",\"session_id\":\"" + SessionId + "\"" +
            (withMessage ? ",\"message_id\":\"" + MessageId + "\"" : string.Empty) +
            ",\"seq\":" + (seq++).ToString(CultureInfo.InvariantCulture);

        frames.Add("{\"type\":\"message_posted\",\"session_id\":\"" + SessionId + "\",\"message_id\":\"65f1c0b27d4e9a1f3c8b5a5e\",\"request_id\":\"req-2\",\"data\":{\"message_id\":\"65f1c0b27d4e9a1f3c8b5a5e\"}}");
        frames.Add(Env("participant_status", withMessage: false) + ",\"data\":{\"participant_id\":\"65e8a14c2f9b7d03e1a6c4b8\",\"status\":\"thinking\"}}");
        frames.Add(Env("message_streaming") + ",\"data\":{\"status\":\"streaming\"}}");
        frames.Add(Env("thinking") + ",\"data\":{\"summary\":\"Comparing direct flights on 14 June by price.\"}}");
        frames.Add(Env("tool_call") + ",\"data\":{\"tool_call_id\":\"call_7Yb2kP0q\",\"tool_name\":\"flight_search\",\"arguments\":{\"from\":\"BER\",\"to\":\"LIS\",\"date\":\"2025-06-14\",\"max_stops\":0},\"status\":\"started\"}}");
        frames.Add(Env("tool_result") + ",\"data\":{\"tool_call_id\":\"call_7Yb2kP0q\",\"tool_name\":\"flight_search\",\"result\":[{\"flight\":\"TP 559\",\"price_eur\":89},{\"flight\":\"FR 1024\",\"price_eur\":112.5}]}}");
        frames.Add(Env("tool_call") + ",\"data\":{\"tool_call_id\":\"call_7Yb2kP0q\",\"tool_name\":\"flight_search\",\"arguments\":{\"from\":\"BER\",\"to\":\"LIS\",\"date\":\"2025-06-14\",\"max_stops\":0},\"status\":\"completed\"}}");
        frames.Add(Env("thinking") + ",\"data\":{\"summary\":\"Checking the baggage allowance of the cheapest fare.\"}}");
        frames.Add(Env("search_result") + ",\"data\":{\"query\":\"TAP Air Portugal baggage allowance economy\",\"results\":[" +
            "{\"title\":\"Baggage | TAP Air Portugal\",\"url\":\"https://www.flytap.com/en-us/baggage\",\"snippet\":\"Economy Classic fares include one checked bag of up to 23 kg.\"}," +
            "{\"title\":\"Hand luggage rules\",\"url\":\"https://www.flytap.com/en-us/baggage/hand-baggage\",\"snippet\":\"One piece of hand luggage up to 8 kg is included.\"}]}}");
        frames.Add(Env("participant_status", withMessage: false) + ",\"data\":{\"participant_id\":\"65e8a14c2f9b7d03e1a6c4b8\",\"status\":\"typing\"}}");

        var deltas = SplitIntoDeltas(Reply);
        foreach (var delta in deltas)
        {
            frames.Add(Env("message_delta") + ",\"data\":{\"delta\":" + JsonString(delta) + "}}");
        }

        DeltaCount = deltas.Count;
        frames.Add(Env("approval_request") + ",\"data\":{\"approval_id\":\"apr_01HV6W3K9Q2M\",\"tool_name\":\"book_flight\",\"tool_id\":\"65e8a3f1c6d20b8e4f7a9c13\",\"arguments\":{\"flight\":\"TP 559\",\"date\":\"2025-06-14\",\"passengers\":1},\"reason\":\"Booking spends money and needs your approval.\"}}");
        frames.Add(Env("message_complete") + ",\"data\":{\"text\":" + JsonString(Reply) + ",\"status\":\"complete\"}}");

        var result = new byte[frames.Count][];
        for (var i = 0; i < frames.Count; i++)
        {
            result[i] = Encoding.UTF8.GetBytes(frames[i]);
        }

        return result;
    }

    /// <summary>Deltas of one to three words (a deterministic pattern), each keeping its leading space.</summary>
    private static List<string> SplitIntoDeltas(string text)
    {
        var words = text.Split(' ');
        var deltas = new List<string>();
        var i = 0;
        var pattern = new[] { 1, 2, 1, 3, 2, 1 };
        var p = 0;
        while (i < words.Length)
        {
            var take = Math.Min(pattern[p++ % pattern.Length], words.Length - i);
            var piece = string.Join(' ', words, i, take);
            deltas.Add(i == 0 ? piece : " " + piece);
            i += take;
        }

        return deltas;
    }

    private static byte[] BuildLargeToolResult(int targetBytes)
    {
        var sb = new StringBuilder(targetBytes + 1024);
        sb.Append("{\"type\":\"tool_result\",\"session_id\":\"").Append(SessionId).Append("\",\"message_id\":\"").Append(MessageId)
          .Append("\",\"seq\":48,\"data\":{\"tool_call_id\":\"call_7Yb2kP0q\",\"tool_name\":\"flight_search\",\"result\":{\"currency\":\"EUR\",\"flights\":[");
        string[] carriers = { "TP", "FR", "LH", "U2", "IB", "VY" };
        string[] airports = { "BER", "LIS", "OPO", "FAO", "MAD", "BCN" };
        for (var i = 0; sb.Length < targetBytes - 200; i++)
        {
            if (i > 0)
            {
                sb.Append(',');
            }

            var price = 49 + (i * 37 % 400) + (i % 4) * 0.25;
            sb.Append("{\"flight\":\"").Append(carriers[i % carriers.Length]).Append(' ').Append((100 + i * 7).ToString(CultureInfo.InvariantCulture))
              .Append("\",\"from\":\"").Append(airports[i % 3 == 0 ? 0 : 2]).Append("\",\"to\":\"").Append(airports[1 + i % 5])
              .Append("\",\"departs\":\"2025-06-14T").Append((6 + i % 15).ToString("00", CultureInfo.InvariantCulture)).Append(':').Append((i * 5 % 60).ToString("00", CultureInfo.InvariantCulture))
              .Append(":00Z\",\"stops\":").Append((i % 3).ToString(CultureInfo.InvariantCulture))
              .Append(",\"price_eur\":").Append(price.ToString(CultureInfo.InvariantCulture))
              .Append(",\"seats_left\":").Append((i * 13 % 9).ToString(CultureInfo.InvariantCulture))
              .Append(",\"refundable\":").Append(i % 2 == 0 ? "true" : "false")
              .Append(",\"note\":\"Fare class ").Append((char)('A' + i % 20)).Append(", one personal item included\"}");
        }

        sb.Append("]}}}");
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    private static string JsonString(string value) => System.Text.Json.JsonSerializer.Serialize(value, Codec.StjContext.Default.String);
}
