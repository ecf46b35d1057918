using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Sessions.Engine;
using Sessions.Reliability.Tests.Infrastructure;
using Sessions.Serialization;
using Xunit;

namespace Sessions.Reliability.Tests.Compatibility;

/// <summary>
/// The engine and the client agree on the error codes: one enum in the schema (<see cref="ErrorCode"/>), every member
/// of it read by the client, every code the engine sends a member of it.
/// </summary>
public sealed class ErrorCodeAgreementTests
{
    public static TheoryData<ErrorCode> Members()
    {
        var data = new TheoryData<ErrorCode>();
        foreach (var code in Enum.GetValues<ErrorCode>().Where(c => c != ErrorCode.Unknown))
        {
            data.Add(code);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Members))]
    public void Every_member_of_the_schema_enum_is_read_by_the_client_with_its_code_kept(ErrorCode code)
    {
        var wire = ErrorCodeJsonConverter.ToWireName(code);
        Assert.Equal(code, ErrorCodeJsonConverter.FromWireName(wire));
        Assert.NotEqual(EngineErrorKind.Other, EngineErrors.KindOf(code));

        var error = new ErrorEvent { SessionId = "s", Data = new ErrorEventData { Error = "text", Code = wire, Retryable = false } };
        Assert.Equal(code, error.Data.ErrorCode);
        var exception = EngineErrors.ToException(error);
        Assert.Equal(wire, exception.Code);
        Assert.Equal("text", exception.Message);
    }

    [Fact]
    public void A_code_the_schema_does_not_list_is_unknown_and_kept_as_text()
    {
        var error = new ErrorEvent { SessionId = "s", Data = new ErrorEventData { Error = "agent says no", Code = "my_agent_code", Retryable = false } };
        Assert.Equal(ErrorCode.Unknown, error.Data.ErrorCode);
        var exception = EngineErrors.ToException(error);
        Assert.Equal(typeof(SessionException), exception.GetType());
        Assert.Equal("my_agent_code", exception.Code);
    }

    [Fact]
    public void The_code_strings_for_agents_are_members_of_the_schema_enum()
    {
        // Public constants of a public type: every code string the engine offers agents names an enum member.
        var constants = typeof(EngineErrorCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .ToDictionary(f => f.Name, f => (string)f.GetRawConstantValue()!);

        Assert.NotEmpty(constants);
        foreach (var (name, value) in constants)
        {
            var member = ErrorCodeJsonConverter.FromWireName(value);
            Assert.True(member != ErrorCode.Unknown, $"EngineErrorCodes.{name} = \"{value}\" is not in the schema's ErrorCode enum.");
            Assert.Equal(name, member.ToString());
        }
    }

    [Fact]
    public async Task Every_code_the_engine_sends_for_refused_frames_and_requests_is_a_member_of_the_enum()
    {
        await using var engine = await Engines.StartAsync();
        var codes = new List<string>();

        using (var socket = new ClientWebSocket())
        {
            socket.Options.SetRequestHeader("Authorization", "Bearer " + engine.ApiKey);
            await socket.ConnectAsync(engine.WebSocketAddress, Within.Token());
            string[] frames =
            [
                "not json",
                "[1]",
                """{"type":"no_such_frame","request_id":"a"}""",
                """{"type":"post_message","request_id":"b","data":{"message":{"content_type":"text","text":"hi"}}}""",
                """{"type":"connect_session","request_id":"c","data":{"session_id":"0123456789abcdef01234567"}}""",
                """{"type":"create_session","request_id":"d","data":{"agent_id":"a"}}""",
                """{"type":"send_response","request_id":"e","data":{"approval_id":"apr_none","approved":true}}""",
                """{"type":"create_session","request_id":"f","data":{"agent_id":"a"}}""",
            ];
            foreach (var frame in frames)
            {
                await socket.SendAsync(Encoding.UTF8.GetBytes(frame), WebSocketMessageType.Text, true, Within.Token());
            }

            // Eight frames: six refusals, one session_created and one more refusal; read until all seven errors are in.
            var buffer = new byte[64 * 1024];
            while (codes.Count < 7)
            {
                var result = await socket.ReceiveAsync(buffer, Within.Token());
                Assert.True(result.EndOfMessage, "The test reads small frames in one piece.");
                using var document = JsonDocument.Parse(buffer.AsMemory(0, result.Count));
                if (document.RootElement.GetProperty("type").GetString() == "error")
                {
                    codes.Add(document.RootElement.GetProperty("data").GetProperty("code").GetString()!);
                }
            }
        }

        using var http = new HttpClient();
        using (var unauthorized = await http.GetAsync(engine.HistoryAddress("0123456789abcdef01234567"), Within.Token()))
        {
            codes.Add(await CodeOf(unauthorized));
        }

        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", engine.ApiKey);
        using (var badRequest = await http.GetAsync(new Uri(engine.HistoryAddress("0123456789abcdef01234567") + "?after_seq=-1"), Within.Token()))
        {
            codes.Add(await CodeOf(badRequest));
        }

        using (var notFound = await http.GetAsync(engine.HistoryAddress("0123456789abcdef01234567"), Within.Token()))
        {
            codes.Add(await CodeOf(notFound));
        }

        // The file endpoints: the same authorization and lookup, a FileError body.
        var files = new Uri(engine.BaseAddress, global::Sessions.Protocol.ProtocolFacts.FilesPath("0123456789abcdef01234567"));
        using (var unknownSession = await http.GetAsync(new Uri(files + "/file_none"), Within.Token()))
        {
            codes.Add(await CodeOf(unknownSession));
        }

        using (var anonymous = new HttpClient())
        using (var unauthorized = await anonymous.PostAsync(files + "?name=a.txt", new ByteArrayContent([1]), Within.Token()))
        {
            codes.Add(await CodeOf(unauthorized));
        }

        Assert.All(codes, code => Assert.True(ErrorCodeJsonConverter.FromWireName(code) != ErrorCode.Unknown, $"The engine sent \"{code}\", which the schema's ErrorCode does not list."));
        Assert.Equal(["invalid_json", "invalid_frame", "unknown_type", "not_attached", "not_found", "unknown_approval", "already_attached", "unauthorized", "invalid_request", "not_found", "not_found", "unauthorized"], codes);
    }

    private static async Task<string> CodeOf(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.GetProperty("code").GetString()!;
    }
}
