using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Tsunagari.Tests.Hardening;

/// <summary>
/// The built web app as a real process (<c>dotnet Tsunagari.Web.dll</c> from the test's output folder) on a port of its
/// choosing, so a test can kill it with SIGKILL. Killed on dispose, whatever happened.
/// </summary>
public sealed partial class WebProcess : IDisposable
{
    private readonly Process process;
    private readonly TaskCompletionSource<Uri> listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<string> output = [];

    private WebProcess(IEnumerable<string> settings)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Tsunagari.Web.dll"));
        start.ArgumentList.Add("--urls=http://127.0.0.1:0");
        foreach (var setting in settings) start.ArgumentList.Add(setting);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Read(e.Data);
        process.ErrorDataReceived += (_, e) => Read(e.Data);
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException("The app exited on start:\n" + Output));
        process.EnableRaisingEvents = true;
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>Everything the process wrote, for failure messages.</summary>
    public string Output
    {
        get { lock (output) return string.Join('\n', output); }
    }

    /// <summary>Starts the app with the settings (<c>--Key=value</c>) and waits until it listens.</summary>
    public static async Task<(WebProcess Process, Uri Address)> StartAsync(IEnumerable<string> settings, TimeSpan limit)
    {
        var started = new WebProcess(settings);
        try
        {
            return (started, await started.listening.Task.WaitAsync(limit));
        }
        catch (TimeoutException)
        {
            var text = started.Output;
            started.Dispose();
            throw new TimeoutException($"The app did not listen within {limit.TotalSeconds} s:\n{text}");
        }
    }

    /// <summary>SIGKILL: no shutdown, no flushing, as a power cut or an OOM kill would do.</summary>
    public void Kill()
    {
        if (process.HasExited) return;
        process.Kill(entireProcessTree: true);
        process.WaitForExit(10_000);
    }

    private void Read(string? line)
    {
        if (line is null) return;
        lock (output) output.Add(line);
        var match = ListeningLine().Match(line);
        if (match.Success) listening.TrySetResult(new Uri(match.Groups[1].Value));
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex ListeningLine();

    public void Dispose()
    {
        try { Kill(); }
        catch (InvalidOperationException) { }
        process.Dispose();
    }
}
