namespace Tsunagari.Features.Organizations;

/// <summary>
/// Recognizes a logo by its first bytes, not by its name or the browser's claim: PNG, JPEG or WebP only, so that no
/// SVG (which can carry script) or other file is ever served from the platform's origin as an image.
/// </summary>
public static class LogoImage
{
    public static string? ContentTypeOf(ReadOnlySpan<byte> data)
    {
        if (data.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return "image/png";
        if (data.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return "image/jpeg";
        if (data.Length >= 12 && data[..4].SequenceEqual("RIFF"u8) && data[8..12].SequenceEqual("WEBP"u8)) return "image/webp";
        return null;
    }
}
