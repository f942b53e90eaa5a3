using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Tsunagari.Data;

/// <summary>PostgreSQL's timestamptz takes only UTC offsets; a time given in Japan time (+09:00) is stored as the same instant in UTC.</summary>
public sealed class UtcConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(v => v.ToUniversalTime(), v => v);
