using System.Collections.Generic;
using System.Text.Json;
using Sessions.Benchmarks.Codec;

namespace Sessions.Benchmarks.Workloads;

/// <summary>
/// The client frames of a turn (create, post a text, post a file, approve with changed arguments, keep-alive),
/// as generated records and as the hand-written System.Text.Json mirrors. Values follow <c>tests/golden/client-frames</c>.
/// </summary>
public static class ClientFrames
{
    private static readonly JsonElement Customer = Element("\"acme-42\"");
    private static readonly JsonElement Channel = Element("\"web\"");
    private static readonly JsonElement Flight = Element("\"TP 559\"");
    private static readonly JsonElement Date = Element("\"2025-06-14\"");
    private static readonly JsonElement Passengers = Element("2");
    private static readonly JsonElement Pipeline = Element("\"65e8a4b7d19c2e0f6a3b8d45\"");

    private const string Question = "Find me the cheapest direct flight from Berlin to Lisbon on 14 June.";
    private const string CsvBase64 = "ZmxpZ2h0LGRhdGUscHJpY2VfZXVyClRQIDU1OSwyMDI1LTA2LTE0LDg5CkZSIDEwMjQsMjAyNS0wNi0xNCwxMTIuNQo=";

    /// <summary>Ours: the generated records.</summary>
    internal static ClientFrame[] Ours { get; } = // internal, as the runtime's client frames are
    {
        new CreateSessionFrame
        {
            RequestId = "req-1",
            Data = new CreateSessionFrameData
            {
                AgentId = "65e8a14c2f9b7d03e1a6c4b8",
                Metadata = new Dictionary<string, JsonElement> { ["customer"] = Customer, ["channel"] = Channel },
            },
        },
        new PostMessageFrame
        {
            RequestId = "req-2",
            Data = new PostMessageFrameData { Message = new UserMessage { ContentType = ContentType.Text, Text = Question } },
        },
        new PostMessageFrame
        {
            RequestId = "req-3",
            Data = new PostMessageFrameData
            {
                Message = new UserMessage
                {
                    ContentType = ContentType.File,
                    File = new FilePart { Name = "fares.csv", MimeType = "text/csv", DataBase64 = CsvBase64 },
                    References = new Dictionary<string, JsonElement> { ["pipeline_id"] = Pipeline },
                },
            },
        },
        new SendResponseFrame
        {
            RequestId = "req-4",
            Data = new SendResponseFrameData
            {
                ApprovalId = "apr_01HV6W3K9Q2M",
                Approved = true,
                Confirm = new Dictionary<string, JsonElement> { ["flight"] = Flight, ["date"] = Date, ["passengers"] = Passengers },
            },
        },
        new PingFrame { RequestId = "req-5" },
    };

    /// <summary>The baseline: the same frames as System.Text.Json mirror records.</summary>
    public static StjClientFrame[] Mirrors { get; } =
    {
        new StjCreateSessionFrame
        {
            RequestId = "req-1",
            Data = new StjCreateSessionData
            {
                AgentId = "65e8a14c2f9b7d03e1a6c4b8",
                Metadata = new Dictionary<string, JsonElement> { ["customer"] = Customer, ["channel"] = Channel },
            },
        },
        new StjPostMessageFrame
        {
            RequestId = "req-2",
            Data = new StjPostMessageData { Message = new StjUserMessage { ContentType = StjContentType.Text, Text = Question } },
        },
        new StjPostMessageFrame
        {
            RequestId = "req-3",
            Data = new StjPostMessageData
            {
                Message = new StjUserMessage
                {
                    ContentType = StjContentType.File,
                    File = new StjFilePart { Name = "fares.csv", MimeType = "text/csv", DataBase64 = CsvBase64 },
                    References = new Dictionary<string, JsonElement> { ["pipeline_id"] = Pipeline },
                },
            },
        },
        new StjSendResponseFrame
        {
            RequestId = "req-4",
            Data = new StjSendResponseData
            {
                ApprovalId = "apr_01HV6W3K9Q2M",
                Approved = true,
                Confirm = new Dictionary<string, JsonElement> { ["flight"] = Flight, ["date"] = Date, ["passengers"] = Passengers },
            },
        },
        new StjPingFrame { RequestId = "req-5" },
    };

    private static JsonElement Element(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
