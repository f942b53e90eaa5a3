using System.Collections;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Tsunagari.Data.Demo;

/// <summary>
/// One mapped table for the bulk loaders (<see cref="LoadResidents"/>, <see cref="LoadParticipation"/>): its delimited
/// name and, for every mapped property, its column and type mapping, read from the EF model so that the rows are exactly
/// what EF would have written. Shadow properties (an owned type's key) are included only when named, and their values
/// are then passed with the row.
/// </summary>
internal sealed record BulkTable(string Name, IReadOnlyList<(IProperty Property, string Column, RelationalTypeMapping Mapping)> Columns)
{
    public static BulkTable Of(AppDbContext db, Type clrType, params string[] shadows)
    {
        var entity = db.Model.FindEntityType(clrType) ?? throw new InvalidOperationException($"{clrType.Name} is not in the model.");
        var name = entity.GetTableName() ?? throw new InvalidOperationException($"{clrType.Name} has no table.");
        var store = StoreObjectIdentifier.Table(name, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        var columns = entity.GetProperties()
            .Where(p => !p.IsShadowProperty() || shadows.Contains(p.Name, StringComparer.Ordinal))
            .Select(p => (p, sql.DelimitIdentifier(p.GetColumnName(store)!), p.GetRelationalTypeMapping()))
            .ToList();
        return new(sql.DelimitIdentifier(name, entity.GetSchema()), columns);
    }

    /// <summary>The same table without a column, e.g. a key the database generates.</summary>
    public BulkTable Without(string property) => this with { Columns = [.. Columns.Where(c => !string.Equals(c.Property.Name, property, StringComparison.Ordinal))] };

    /// <summary>The value as the provider stores it (e.g. a DateTimeOffset as a number on SQLite, in UTC on PostgreSQL).</summary>
    private object? Value(int i, object entity, object?[] shadowValues, ref int shadow)
    {
        var (property, _, mapping) = Columns[i];
        var value = property.IsShadowProperty() ? shadowValues[shadow++] : property.GetGetter().GetClrValue(entity);
        return value is null || mapping.Converter is null ? value : mapping.Converter.ConvertToProvider(value);
    }

    public DbCommand PrepareInsert(DbConnection connection, DbTransaction transaction)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
#pragma warning disable CA2100 // Table and column names come from the EF model, delimited by the provider; values are parameters.
        command.CommandText = $"INSERT INTO {Name} ({string.Join(", ", Columns.Select(c => c.Column))}) VALUES ({string.Join(", ", Columns.Select((_, i) => $"@p{i}"))})";
#pragma warning restore CA2100
        for (var i = 0; i < Columns.Count; i++)
            command.Parameters.Add(Columns[i].Mapping.CreateParameter(command, $"@p{i}", null, Columns[i].Property.IsNullable));
        command.Prepare();
        return command;
    }

    /// <summary>Sets the parameters of a command from <see cref="PrepareInsert"/>; shadow values in column order.</summary>
    public void Bind(DbCommand command, object entity, params object?[] shadowValues)
    {
        var shadow = 0;
        for (var i = 0; i < Columns.Count; i++) command.Parameters[i].Value = Value(i, entity, shadowValues, ref shadow) ?? DBNull.Value;
    }

    public string CopyCommand() => $"COPY {Name} ({string.Join(", ", Columns.Select(c => c.Column))}) FROM STDIN (FORMAT BINARY)";

    public Task WriteAsync(NpgsqlBinaryImporter writer, object entity, CancellationToken cancellationToken) => WriteAsync(writer, entity, [], cancellationToken);

    public async Task WriteAsync(NpgsqlBinaryImporter writer, object entity, object?[] shadowValues, CancellationToken cancellationToken)
    {
        await writer.StartRowAsync(cancellationToken);
        var shadow = 0;
        for (var i = 0; i < Columns.Count; i++)
        {
            switch (Value(i, entity, shadowValues, ref shadow))
            {
                case null: await writer.WriteNullAsync(cancellationToken); break;
                case Guid v: await writer.WriteAsync(v, NpgsqlDbType.Uuid, cancellationToken); break;
                // text and varchar have the same binary form.
                case string v: await writer.WriteAsync(v, NpgsqlDbType.Text, cancellationToken); break;
                case bool v: await writer.WriteAsync(v, NpgsqlDbType.Boolean, cancellationToken); break;
                case short v: await writer.WriteAsync(v, NpgsqlDbType.Smallint, cancellationToken); break;
                case int v: await writer.WriteAsync(v, NpgsqlDbType.Integer, cancellationToken); break;
                case long v: await writer.WriteAsync(v, NpgsqlDbType.Bigint, cancellationToken); break;
                case decimal v: await writer.WriteAsync(v, NpgsqlDbType.Numeric, cancellationToken); break;
                case double v: await writer.WriteAsync(v, NpgsqlDbType.Double, cancellationToken); break;
                case DateOnly v: await writer.WriteAsync(v, NpgsqlDbType.Date, cancellationToken); break;
                case DateTimeOffset v: await writer.WriteAsync(v, NpgsqlDbType.TimestampTz, cancellationToken); break;
                case IEnumerable<int> v: await writer.WriteAsync(v.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Integer, cancellationToken); break;
                case IEnumerable<string> v: await writer.WriteAsync(v.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken); break;
                case IEnumerable v and not string: throw new NotSupportedException($"No COPY type for a list of {v.GetType().Name} in {Name}.");
                case var v: throw new NotSupportedException($"No COPY type for {v.GetType().Name} in {Name}.");
            }
        }
    }
}
