using System;
using System.Net;
using System.Net.Http;
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Tasks;

namespace Sessions.Connection;

/// <summary>Opens the engine's WebSocket with a bearer token in the Authorization header, mapping refusals to clear errors.</summary>
internal static class WebSocketEndpoint
{
    public static async Task<ClientWebSocket> OpenAsync(Uri address, string authorization, Action<ClientWebSocketOptions>? configure, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        try
        {
            configure?.Invoke(socket.Options); // the application's transport settings first, so that its Authorization cannot win
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            socket.Dispose();
            throw new SessionException($"SessionClientOptions.ConfigureWebSocket threw {exception.GetType().Name}: {exception.Message}", "invalid_configuration", exception);
        }

        socket.Options.SetRequestHeader("Authorization", authorization);
        socket.Options.CollectHttpResponseDetails = true;
        try
        {
            await socket.ConnectAsync(address, cancellationToken).ConfigureAwait(false);
            return socket;
        }
        catch (Exception exception) when (exception is WebSocketException or HttpRequestException or OperationCanceledException)
        {
            var status = socket.HttpStatusCode;
            socket.Dispose();
            var endpoint = address.GetLeftPart(UriPartial.Path);
            if (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                throw;
            }

            cancellationToken.ThrowIfCancellationRequested();
            throw status switch
            {
                HttpStatusCode.Unauthorized => new SessionAuthenticationException($"The engine refused the API key (401) at GET {endpoint}.", exception) { StatusCode = status, Method = "GET", Endpoint = endpoint },
                HttpStatusCode.Forbidden => new SessionPermissionException($"The API key may not open sessions here (403) at GET {endpoint}.", exception) { StatusCode = status, Method = "GET", Endpoint = endpoint },
                (HttpStatusCode)0 => new SessionDisconnectedException($"Could not open {endpoint}: {exception.Message}", exception) { Method = "GET", Endpoint = endpoint },
                _ => new SessionDisconnectedException($"The engine answered {(int)status} to the WebSocket upgrade at GET {endpoint}.", exception) { StatusCode = status, Method = "GET", Endpoint = endpoint },
            };
        }
    }
}
