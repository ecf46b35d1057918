using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading.Tasks;
using Sessions.Serialization;

namespace Sessions.Engine.Tests.Infrastructure;

/// <summary>Starting engines and reading their history, the way every test does.</summary>
internal static class TestEngine
{
    public static Task<LocalEngine> StartAsync(Action<LocalEngineOptions>? configure = null)
    {
        var options = new LocalEngineOptions();
        configure?.Invoke(options);
        return LocalEngine.StartAsync(options, Deadline.Token());
    }

    public static HttpClient Http(LocalEngine engine, string? apiKey = null)
    {
        var http = new HttpClient { BaseAddress = engine.BaseAddress, Timeout = Deadline.Default };
        if (apiKey is not "")
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey ?? engine.ApiKey);
        }

        return http;
    }

    public static async Task<GetMessagesResponse> HistoryAsync(LocalEngine engine, string sessionId, long? afterSeq = null)
    {
        using var http = Http(engine);
        using var response = await http.GetAsync(engine.HistoryAddress(sessionId, afterSeq));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var reader = new Utf8JsonReader(await response.Content.ReadAsByteArrayAsync());
        reader.Read();
        return GetMessagesResponseJsonConverter.ReadValue(ref reader);
    }
}
