using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Tsunagari.Platform;

namespace Tsunagari.Features.OpenData;

/// <summary>
/// The open-data files are large at prefecture scale (Chiba's event list about 150 MB, its HSDS directory about 400 MB)
/// and take about 20 s and a gigabyte of memory to write. So they are written to the data folder, one at a time on a
/// node, and served from there while current: a burst of downloads costs one writing and no memory, and no one can
/// exhaust the server by asking for several at once.
/// </summary>
public sealed class OpenDataFiles(IOptions<TsunagariOptions> options, TimeProvider clock) : IDisposable
{
    /// <summary>A file older than this is written again even without a change: the event list runs from now.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromHours(1);

    private readonly SemaphoreSlim writing = new(1, 1);

    /// <summary>
    /// The path of the current file of <paramref name="kind"/> for the request's address (the rows link to it) at
    /// <paramref name="version"/> of the data, written by <paramref name="write"/> unless it exists and is fresh.
    /// </summary>
    public async Task<string> GetAsync(string kind, Uri baseUrl, long version, Func<Stream, Task> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        ArgumentNullException.ThrowIfNull(write);
        var folder = options.Value.DataPath("opendata");
        var name = $"{kind}-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(baseUrl.ToString())))[..16]}";
        var path = Path.Combine(folder, $"{name}.{version}");
        if (IsFresh(path)) return path;
        await writing.WaitAsync(cancellationToken);
        try
        {
            if (IsFresh(path)) return path;
            System.IO.Directory.CreateDirectory(folder);
            var partial = path + ".partial";
            await using (var file = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
                await write(file);
            File.Move(partial, path, overwrite: true);
            // Earlier versions go; a download still reading one keeps it open until done (on Linux).
            foreach (var old in System.IO.Directory.EnumerateFiles(folder, name + ".*").Where(f => f != path && !f.EndsWith(".partial", StringComparison.Ordinal)))
                TryDelete(old);
            return path;
        }
        finally
        {
            writing.Release();
        }
    }

    public void Dispose() => writing.Dispose();

    private bool IsFresh(string path) => File.Exists(path) && clock.GetUtcNow().UtcDateTime - File.GetLastWriteTimeUtc(path) < MaxAge;

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // In use (on Windows): the next writing removes it.
        }
    }
}
