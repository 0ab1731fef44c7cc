using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using DiplomacyTracker.Testing;
using DiplomacyTracker.Tests.Editing;

namespace DiplomacyTracker.Tests.Hardening;

/// <summary>The app on a real socket with an API key, so requests can be malformed at the HTTP level too.</summary>
public sealed class SocketEditingApp : KestrelAppFactory
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Editing:ApiKeys:importer"] = EditingApp.ApiKey,
    };
}

/// <summary>Each kind of malformed write a fuzzer found answering 500 now gets its 4xx with problem details.</summary>
public sealed class MalformedWriteTests(SocketEditingApp app) : IClassFixture<SocketEditingApp>
{
    private const string ValidBodyStart = "{\"title\":\"Malformed\",\"legs\":[{\"city\":\"A\",\"country\":\"B\"}],\"participants\":[{\"personId\":1}]";

    [Fact]
    public async Task A_json_escaped_date_that_is_no_date_is_a_400()
    {
        var response = await SendAsync(ValidBodyStart + ",\"startDate\":\"\\u0041\\u0042\\u0043\"}");
        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task An_unknown_charset_is_a_415()
    {
        var response = await SendAsync(ValidBodyStart + "}", contentType: "application/json; charset=bogus");
        await AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_a_413()
    {
        var huge = ValidBodyStart + ",\"summary\":\"" + new string('x', 5 * 1024 * 1024) + "\"}";
        var response = await SendAsync(huge);
        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task A_bad_chunk_size_is_a_400()
    {
        var raw = await RawAsync(
            "POST /api/events HTTP/1.1\r\nHost: localhost\r\nX-Api-Key: " + EditingApp.ApiKey + "\r\nContent-Type: application/json\r\n" +
            "Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n");
        Assert.StartsWith("HTTP/1.1 400", raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_shorter_than_its_content_length_is_answered_and_logged_as_a_client_error()
    {
        // The client stops sending and closes its side: Kestrel then drops the connection, so the answer is what the
        // server records for the request, on a path no other test uses.
        var path = $"/api/events/{Random.Shared.Next(900_000, 999_999)}";
        try
        {
            await RawAsync(
                $"PUT {path} HTTP/1.1\r\nHost: localhost\r\nX-Api-Key: {EditingApp.ApiKey}\r\nContent-Type: application/json\r\n" +
                $"If-Match: \"{Guid.NewGuid()}\"\r\nContent-Length: 500\r\n\r\n{{\"title\":\"short\"", closeSend: true);
        }
        catch (SocketException)
        {
            // The reset is expected.
        }

        // 400 when the app reads the cut-off body, 499 when Kestrel notices the client left first: a client error either way.
        var line = await WaitForRequestLogAsync(path);
        Assert.True(line.Contains("\"StatusCode\":400", StringComparison.Ordinal) || line.Contains("\"StatusCode\":499", StringComparison.Ordinal), line);
        Assert.DoesNotContain("\"Level\":\"Error\"", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_all_of_them_the_app_is_healthy()
    {
        await SendAsync("{\"startDate\":\"\\u0041\"}");
        using var client = new HttpClient { BaseAddress = app.BaseAddress };
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
    }

    private async Task<HttpResponseMessage> SendAsync(string body, string contentType = "application/json")
    {
        using var client = new HttpClient { BaseAddress = app.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/events") { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        request.Headers.Add("X-Api-Key", EditingApp.ApiKey);
        // Like a careful client: wait for the server's go-ahead, so a refused body is answered, not cut off.
        request.Headers.ExpectContinue = true;
        var response = await client.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
    }

    private async Task<string> WaitForRequestLogAsync(string path)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (Directory.Exists(app.LogDirectory))
            {
                foreach (var file in Directory.GetFiles(app.LogDirectory))
                {
                    using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
                    using var reader = new StreamReader(stream);
                    while (await reader.ReadLineAsync() is { } line)
                    {
                        if (line.Contains($"\"RequestPath\":\"{path}\"", StringComparison.Ordinal))
                        {
                            return line;
                        }
                    }
                }
            }

            await Task.Delay(100);
        }

        throw new Xunit.Sdk.XunitException($"No request log line for {path}.");
    }

    /// <summary>Sends bytes as they are (no client fixing them up) and returns what the server answers.</summary>
    private async Task<string> RawAsync(string request, bool closeSend = false)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(app.BaseAddress.Host, app.BaseAddress.Port);
        await socket.SendAsync(Encoding.ASCII.GetBytes(request));
        if (closeSend)
        {
            socket.Shutdown(SocketShutdown.Send);
        }

        var buffer = new byte[8192];
        var received = new StringBuilder();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (!received.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            var n = await socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token);
            if (n == 0)
            {
                break;
            }

            received.Append(Encoding.ASCII.GetString(buffer, 0, n));
        }

        return received.ToString();
    }
}
