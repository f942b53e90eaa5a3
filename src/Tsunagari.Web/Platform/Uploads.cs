namespace Tsunagari.Platform;

public static class Uploads
{
    /// <summary>
    /// The uploaded file's bytes, or null when it is larger than <paramref name="maxBytes"/>. The declared length is not
    /// trusted: reading stops one buffer past the limit.
    /// </summary>
    public static async Task<byte[]?> ReadAsync(IFormFile file, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (file.Length > maxBytes) return null;
        await using var stream = file.OpenReadStream();
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > maxBytes) return null;
        }
        return buffer.ToArray();
    }
}
