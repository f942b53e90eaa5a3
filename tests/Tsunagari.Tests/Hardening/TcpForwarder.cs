using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Tsunagari.Tests.Hardening;

/// <summary>
/// A TCP relay on a free loopback port in front of a server, so a test can cut one app off from the shared PostgreSQL
/// server without disturbing the other test classes that use it. <see cref="Fail"/> drops every open connection and
/// leaves new ones unanswered (a host that has gone away); <see cref="Restore"/> relays again.
/// </summary>
public sealed class TcpForwarder : IDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly string targetHost;
    private readonly int targetPort;
    private readonly ConcurrentDictionary<Socket, bool> open = new();
    private volatile bool down;

    public TcpForwarder(string targetHost, int targetPort)
    {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        _ = AcceptAsync();
    }

    public int Port { get; }

    public void Fail()
    {
        down = true;
        DropAll();
    }

    public void Restore()
    {
        down = false;
        DropAll(); // the connections held unanswered during the outage
    }

    private async Task AcceptAsync()
    {
        while (true)
        {
            Socket client;
            try
            {
                client = await listener.AcceptSocketAsync();
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            open[client] = true;
            if (!down) _ = RelayAsync(client);
        }
    }

    private async Task RelayAsync(Socket client)
    {
        var server = new Socket(SocketType.Stream, ProtocolType.Tcp);
        open[server] = true;
        try
        {
            await server.ConnectAsync(targetHost, targetPort);
            await using var fromClient = new NetworkStream(client, ownsSocket: false);
            await using var fromServer = new NetworkStream(server, ownsSocket: false);
            await Task.WhenAny(fromClient.CopyToAsync(fromServer), fromServer.CopyToAsync(fromClient));
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
        {
        }
        finally
        {
            Drop(client);
            Drop(server);
        }
    }

    private void DropAll()
    {
        foreach (var socket in open.Keys) Drop(socket);
    }

    private void Drop(Socket socket)
    {
        if (!open.TryRemove(socket, out _)) return;
        try
        {
            socket.LingerState = new LingerOption(true, 0); // a reset, as when a server goes away, not a polite close
            socket.Dispose();
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
        }
    }

    public void Dispose()
    {
        listener.Stop();
        down = true;
        DropAll();
    }
}
