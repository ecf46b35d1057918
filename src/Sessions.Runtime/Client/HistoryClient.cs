using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Sessions.Serialization;

namespace Sessions;

/// <summary>The history endpoint: <c>GET {base}/v1/sessions/{id}/messages[?after_seq=N]</c>.</summary>
internal sealed class HistoryClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly Uri _baseAddress;
    private readonly Credentials.EngineAuthorization _authorization;
    private readonly bool _ownsHttp;

    public HistoryClient(Uri baseAddress, Credentials.EngineAuthorization authorization, HttpClient? http, HttpMessageHandler? handler)
    {
        _baseAddress = baseAddress;
        _authorization = authorization;
        _ownsHttp = http is null;
        _http = http ?? (handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false));
    }

    public Task<IReadOnlyList<SessionMessage>> GetMessagesAsync(string sessionId, long? afterSeq, CancellationToken cancellationToken)
        => _authorization.RunAsync(SessionTokenPurpose.History, sessionId, header => GetMessagesAsync(sessionId, afterSeq, header, cancellationToken), cancellationToken);

    private async Task<IReadOnlyList<SessionMessage>> GetMessagesAsync(string sessionId, long? afterSeq, string authorization, CancellationToken cancellationToken)
    {
        var path = "v1/sessions/" + Uri.EscapeDataString(sessionId) + "/messages";
        var endpoint = new Uri(_baseAddress, path);
        var address = afterSeq is { } after ? new Uri(endpoint + "?after_seq=" + after.ToString(CultureInfo.InvariantCulture)) : endpoint;
        using var request = new HttpRequestMessage(HttpMethod.Get, address);
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var where = endpoint.GetLeftPart(UriPartial.Path);
        if (!response.IsSuccessStatusCode)
        {
            var status = response.StatusCode;
            throw status switch
            {
                HttpStatusCode.Unauthorized => new SessionAuthenticationException($"The engine refused the API key (401) at GET {where}.") { StatusCode = status, Method = "GET", Endpoint = where },
                HttpStatusCode.Forbidden => new SessionPermissionException($"Session {sessionId} belongs to another API key (403) at GET {where}.") { StatusCode = status, Method = "GET", Endpoint = where },
                HttpStatusCode.NotFound => new SessionNotFoundException($"Session {sessionId} was not found (404) at GET {where}.") { StatusCode = status, Method = "GET", Endpoint = where },
                _ => new SessionException($"The engine answered {(int)status} at GET {where}.", "http_" + ((int)status).ToString(CultureInfo.InvariantCulture)) { StatusCode = status, Method = "GET", Endpoint = where },
            };
        }

        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        return Decode(body, where);
    }

    private static SessionMessage[] Decode(byte[] body, string where)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            reader.Read();
            var typed = GetMessagesResponseJsonConverter.ReadValue(ref reader);

            // The typed records drop what this version does not know; Raw keeps each message whole.
            using var document = JsonDocument.Parse(body);
            var raws = document.RootElement.GetProperty("messages");
            var messages = new SessionMessage[typed.Messages.Count];
            var index = 0;
            foreach (var raw in raws.EnumerateArray())
            {
                messages[index] = typed.Messages[index] with { Raw = raw.Clone() };
                index++;
            }

            return messages;
        }
        catch (JsonException exception)
        {
            throw new SessionException($"The history from GET {where} is not valid: {exception.Message}", "bad_response", exception);
        }
    }

    public void Dispose()
    {
        if (_ownsHttp)
        {
            _http.Dispose(); // an HttpClient from the application (IHttpClientFactory) is the application's to release
        }
    }
}
