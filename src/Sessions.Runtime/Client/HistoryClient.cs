using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Sessions.Protocol;
using Sessions.Serialization;

namespace Sessions;

/// <summary>The history endpoint: <c>GET {base}/v1/sessions/{id}/messages[?after_seq=N]</c>.</summary>
/// <remarks>
/// Every failure reaches the caller as a <see cref="SessionException"/>: a refused or cut connection as
/// <see cref="SessionDisconnectedException"/>, <see cref="SessionClientOptions.RequestTimeout"/> (or the application's
/// <see cref="HttpClient"/> timeout) as <see cref="SessionTimeoutException"/>,
/// an answer that is not the documented JSON as a <see cref="SessionException"/> with code <c>bad_response</c>. Only the
/// caller's own cancellation stays an <see cref="OperationCanceledException"/>.
/// </remarks>
internal sealed class HistoryClient : IDisposable
{
    private readonly EngineHttpClients _http;
    private readonly TimeSpan _timeout;
    private readonly Uri _baseAddress;
    private readonly Credentials.EngineAuthorization _authorization;

    /// <summary>A history client of its own, for tests: over <paramref name="http"/> (not disposed) or one over <paramref name="handler"/>.</summary>
    public HistoryClient(Uri baseAddress, Credentials.EngineAuthorization authorization, HttpClient? http, HttpMessageHandler? handler, TimeSpan timeout)
        : this(baseAddress, authorization, new EngineHttpClients(factory: null, http, handler), timeout)
    {
    }

    public HistoryClient(Uri baseAddress, Credentials.EngineAuthorization authorization, EngineHttpClients http, TimeSpan timeout)
    {
        _baseAddress = baseAddress;
        _authorization = authorization;
        _http = http;
        _timeout = timeout;
    }

    public async Task<IReadOnlyList<SessionMessage>> GetMessagesAsync(string sessionId, long? afterSeq, CancellationToken cancellationToken)
    {
        var (body, where) = await GetAsync(sessionId, afterSeq, cancellationToken).ConfigureAwait(false);
        return Decode(body, where, static (typed, document) =>
        {
            // The typed records drop what this version does not know; Raw keeps each message whole.
            var raws = document.RootElement.GetProperty("messages");
            var messages = new SessionMessage[typed.Messages.Count];
            var index = 0;
            foreach (var raw in raws.EnumerateArray())
            {
                messages[index] = typed.Messages[index] with { Raw = raw.Clone() };
                index++;
            }

            return messages;
        });
    }

    /// <summary>The approval requests still waiting for an answer, oldest first; empty from an engine that does not list them.</summary>
    public async Task<IReadOnlyList<PendingApproval>> GetPendingApprovalsAsync(string sessionId, CancellationToken cancellationToken)
    {
        // The engine lists pending approvals whatever after_seq is: asking after the last possible seq skips the messages.
        var (body, where) = await GetAsync(sessionId, long.MaxValue, cancellationToken).ConfigureAwait(false);
        return Decode(body, where, static (typed, _) => typed.PendingApprovals ?? []);
    }

    /// <summary>One GET with a token from the credential; a 401 asks it once more for a fresh one (see <see cref="Credentials.EngineAuthorization"/>).</summary>
    private Task<(byte[] Body, string Where)> GetAsync(string sessionId, long? afterSeq, CancellationToken cancellationToken)
        => _authorization.RunAsync(SessionTokenPurpose.History, sessionId, header => GetAsync(sessionId, afterSeq, header, cancellationToken), cancellationToken);

    private async Task<(byte[] Body, string Where)> GetAsync(string sessionId, long? afterSeq, string authorization, CancellationToken cancellationToken)
    {
        var address = new Uri(_baseAddress, ProtocolFacts.HistoryPath(sessionId, afterSeq));
        var where = address.GetLeftPart(UriPartial.Path);
        using var request = new HttpRequestMessage(HttpMethod.Get, address);
        request.Headers.TryAddWithoutValidation("Authorization", authorization);

        // RequestTimeout bounds each request, whichever HttpClient sends it (an application's keeps its own Timeout too).
        // Wall-clock time, as HttpClient's own timeout: the options' TimeProvider may be a test clock that never fires.
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(_timeout);
        try
        {
            using var lease = _http.Rent(unbounded: false);
            using var response = await lease.Client.SendAsync(request, limit.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw Refused(response.StatusCode, sessionId, where);
            }

            return (await response.Content.ReadAsByteArrayAsync(limit.Token).ConfigureAwait(false), where);
        }
        catch (SessionException)
        {
            throw; // the engine's refusal, from Refused
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Not the caller's token: RequestTimeout, or the application's HttpClient's own timeout.
            var bound = limit.IsCancellationRequested ? $"within RequestTimeout ({_timeout.TotalSeconds:0.###} s)" : "within its HttpClient's timeout";
            throw new SessionTimeoutException($"GET {where} got no answer {bound}.", exception) { Method = "GET", Endpoint = where };
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Refused, reset or cut in the middle of the body, or a handler the application added (a circuit breaker, a
            // resilience timeout) gave up. The message names the endpoint, never the key.
            throw new SessionDisconnectedException($"GET {where} failed: {exception.Message}", exception) { Method = "GET", Endpoint = where };
        }
    }

    private static SessionException Refused(HttpStatusCode status, string sessionId, string where) => status switch
    {
        HttpStatusCode.Unauthorized => new SessionAuthenticationException($"The engine refused the API key (401) at GET {where}.") { StatusCode = status, Method = "GET", Endpoint = where },
        HttpStatusCode.Forbidden => new SessionPermissionException($"Session {sessionId} belongs to another API key (403) at GET {where}.") { StatusCode = status, Method = "GET", Endpoint = where },
        HttpStatusCode.NotFound => new SessionNotFoundException($"Session {sessionId} was not found (404) at GET {where}.") { StatusCode = status, Method = "GET", Endpoint = where },
        _ => new SessionException($"The engine answered {(int)status} at GET {where}.", "http_" + ((int)status).ToString(CultureInfo.InvariantCulture)) { StatusCode = status, Method = "GET", Endpoint = where },
    };

    private static T Decode<T>(byte[] body, string where, Func<GetMessagesResponse, JsonDocument, T> select)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            reader.Read();
            var typed = GetMessagesResponseJsonConverter.ReadValue(ref reader);
            using var document = JsonDocument.Parse(body);
            return select(typed, document);
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or KeyNotFoundException)
        {
            // InvalidOperationException and KeyNotFoundException: JSON of another shape than the schema's (a number, no "messages").
            throw new SessionException($"The history from GET {where} is not valid: {exception.Message}", "bad_response", exception) { Method = "GET", Endpoint = where };
        }
    }

    public void Dispose() => _http.Dispose();
}
