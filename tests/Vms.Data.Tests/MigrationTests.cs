using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Vms.Data.Tests;

public sealed class MigrationTests
{
    [Fact]
    public void Snapshots_SqliteAndPostgres_DescribeTheSameTablesColumnsKeysAndIndexes()
    {
        var sqlite = Describe(Snapshot(typeof(Sqlite.SqliteProvider).Assembly));
        var postgres = Describe(Snapshot(typeof(Postgres.PostgresProvider).Assembly));
        Assert.Equal(sqlite, postgres);
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task Migrations_CurrentModel_HasNoPendingChanges(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, migrate: false);
        await using var context = db.CreateContext();
        Assert.False(context.Database.HasPendingModelChanges(), $"The model changed without a {provider} migration: run dotnet ef migrations add in src/Vms.Data.{(provider == TestDatabase.Sqlite ? "Sqlite" : "Postgres")}.");
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task Migrate_EmptyDatabase_AppliesEveryMigration(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var context = db.CreateContext();
        Assert.Empty(await context.Database.GetPendingMigrationsAsync());
        Assert.Equal(0, await context.ScopeToAll().Customers.CountAsync());
    }

    private static IModel Snapshot(System.Reflection.Assembly assembly)
    {
        var type = assembly.GetTypes().Single(t => typeof(ModelSnapshot).IsAssignableFrom(t) && !t.IsAbstract);
        return ((ModelSnapshot)Activator.CreateInstance(type)!).Model;
    }

    private static List<string> Describe(IModel model)
    {
        var lines = new List<string>();
        foreach (var entity in model.GetEntityTypes().OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            var table = entity.GetTableName();
            lines.Add($"table {table}");
            lines.AddRange(entity.GetProperties().Select(p => $"  column {table}.{p.GetColumnName()} null={p.IsNullable} max={p.GetMaxLength()}").Order(StringComparer.Ordinal));
            lines.Add($"  key {string.Join(",", entity.FindPrimaryKey()!.Properties.Select(p => p.Name))}");
            lines.AddRange(entity.GetIndexes().Select(i => $"  index {string.Join(",", i.Properties.Select(p => p.Name))} unique={i.IsUnique}").Order(StringComparer.Ordinal));
            lines.AddRange(entity.GetForeignKeys().Select(f => $"  fk {string.Join(",", f.Properties.Select(p => p.Name))} -> {f.PrincipalEntityType.GetTableName()}").Order(StringComparer.Ordinal));
        }

        return lines;
    }
}
