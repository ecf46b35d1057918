using System;
using System.Net.Http;
using System.Threading;

namespace Sessions;

/// <summary>
/// Where a history or file request gets its <see cref="HttpClient"/>: a new one from
/// <see cref="SessionClientOptions.HttpClientFactory"/> per request (so the host's handlers, resilience and handler
/// rotation apply, and no client is held for the life of a singleton), else the application's shared one, else one of
/// this client's own over <see cref="SessionClientOptions.HttpMessageHandler"/>. Timeouts are the caller's per request
/// (a token), never the shared client's, which cannot change once used.
/// </summary>
internal sealed class EngineHttpClients : IDisposable
{
    private readonly Func<HttpClient>? _factory;
    private readonly HttpClient? _shared;
    private readonly HttpClient? _own;

    public EngineHttpClients(Func<HttpClient>? factory, HttpClient? shared, HttpMessageHandler? handler)
    {
        _factory = factory;
        _shared = factory is null ? shared : null;
        if (factory is null && shared is null)
        {
            _own = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
            _own.Timeout = Timeout.InfiniteTimeSpan; // each request is bounded by its own token
        }
    }

    /// <summary>A client for one request; dispose the lease when the request (and its response body) is done.</summary>
    /// <param name="unbounded">True for a request only the caller's token bounds (an upload of any size): a client from
    /// the factory gets no timeout of its own.</param>
    public HttpClientLease Rent(bool unbounded)
    {
        if (_factory is null)
        {
            return new HttpClientLease(_shared ?? _own!, owned: false);
        }

        var client = _factory() ?? throw new SessionException("SessionClientOptions.HttpClientFactory returned null.", "invalid_configuration");
        if (unbounded)
        {
            client.Timeout = Timeout.InfiniteTimeSpan;
        }

        return new HttpClientLease(client, owned: true);
    }

    /// <summary>Releases this client's own HttpClient; the application's is the application's to release.</summary>
    public void Dispose() => _own?.Dispose();
}

/// <summary>An <see cref="HttpClient"/> for one request; disposing it disposes only a client made for the request.</summary>
internal sealed class HttpClientLease : IDisposable
{
    private readonly bool _owned;

    public HttpClientLease(HttpClient client, bool owned)
    {
        Client = client;
        _owned = owned;
    }

    public HttpClient Client { get; }

    public void Dispose()
    {
        if (_owned)
        {
            Client.Dispose(); // a factory's client: its handler stays with the factory
        }
    }
}
