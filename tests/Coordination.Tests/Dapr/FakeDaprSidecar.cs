using System.Buffers.Binary;
using System.Collections.Concurrent;
using Coordination.Hosting;
using Dapr.Client.Autogen.Grpc.v1;
using Google.Protobuf;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Coordination.Tests.Dapr;

/// <summary>
/// Not Dapr: an in-process server that speaks the one part of the sidecar's gRPC API the services use,
/// <c>dapr.proto.runtime.v1.Dapr/GetSecret</c>, serving secrets from a dictionary. It can refuse the first calls
/// with UNAVAILABLE, as a sidecar that starts after the app does. The Dapr runtime cannot be installed here.
/// </summary>
public sealed class FakeDaprSidecar : IAsyncDisposable
{
    private readonly WebApplication app;
    private int unavailableCalls;

    private FakeDaprSidecar(WebApplication app) => this.app = app;

    /// <summary>store → secret name → key → value.</summary>
    public Dictionary<string, Dictionary<string, Dictionary<string, string>>> Stores { get; } = [];

    /// <summary>Every (store, secret) asked for, in order.</summary>
    public ConcurrentQueue<(string Store, string Secret)> Requests { get; } = new();

    public Uri Address => app.GrpcAddress();

    public static async Task<FakeDaprSidecar> StartAsync(int unavailableFirst = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http2));
        var app = builder.Build();
        var sidecar = new FakeDaprSidecar(app) { unavailableCalls = unavailableFirst };
        app.MapPost("/dapr.proto.runtime.v1.Dapr/GetSecret", sidecar.GetSecretAsync);
        await app.StartAsync();
        return sidecar;
    }

    public void Add(string store, string secret, string key, string value)
    {
        if (!Stores.TryGetValue(store, out var secrets))
        {
            Stores[store] = secrets = [];
        }
        if (!secrets.TryGetValue(secret, out var data))
        {
            secrets[secret] = data = [];
        }
        data[key] = value;
    }

    private async Task GetSecretAsync(HttpContext http)
    {
        using var body = new MemoryStream();
        await http.Request.Body.CopyToAsync(body);
        var request = GetSecretRequest.Parser.ParseFrom(body.ToArray().AsSpan(5));
        Requests.Enqueue((request.StoreName, request.Key));
        http.Response.ContentType = "application/grpc";

        if (Interlocked.Decrement(ref unavailableCalls) >= 0)
        {
            http.Response.Headers["grpc-status"] = "14";
            http.Response.Headers["grpc-message"] = "sidecar%20starting";
            return;
        }
        if (!Stores.TryGetValue(request.StoreName, out var secrets) || !secrets.TryGetValue(request.Key, out var data))
        {
            http.Response.Headers["grpc-status"] = "5";
            http.Response.Headers["grpc-message"] = "secret%20not%20found";
            return;
        }

        var response = new GetSecretResponse();
        response.Data.Add(data);
        var payload = response.ToByteArray();
        var frame = new byte[5 + payload.Length];
        BinaryPrimitives.WriteInt32BigEndian(frame.AsSpan(1), payload.Length);
        payload.CopyTo(frame, 5);
        await http.Response.Body.WriteAsync(frame);
        http.Response.AppendTrailer("grpc-status", "0");
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
