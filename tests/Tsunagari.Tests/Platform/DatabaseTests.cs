using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tsunagari.Data;

namespace Tsunagari.Tests.Platform;

public sealed class DatabaseTests
{
    [Fact]
    public void The_SQLite_migrations_match_the_model()
    {
        using var db = new Migrations.Sqlite.DesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "Run: dotnet ef migrations add NAME --project src/Tsunagari.Migrations.Sqlite");
    }

    [Fact]
    public void The_PostgreSQL_migrations_match_the_model()
    {
        using var db = new Migrations.Postgres.DesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "Run: dotnet ef migrations add NAME --project src/Tsunagari.Migrations.Postgres");
    }

    [Fact]
    public async Task Migrations_create_every_table_on_the_configured_database()
    {
        await using var app = new TestApp();
        await app.InitializeAsync();
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(0, await db.AuditEntries.CountAsync());
    }
}
