using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Vms.Data.Postgres;
using Vms.Data.Sqlite;

namespace Vms.Data.Tests;

/// <summary>
/// A database of its own for one test, on SQLite (a temp file) or PostgreSQL (a new database in the cluster named
/// by VMS_TEST_POSTGRES, which ./test.sh starts). Migrated on creation, dropped on dispose.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    private readonly string? _file;
    private readonly string? _adminConnection;
    private readonly string? _databaseName;

    private TestDatabase(string provider, string connectionString, string? file, string? adminConnection, string? databaseName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _file = file;
        _adminConnection = adminConnection;
        _databaseName = databaseName;
    }

    public string Provider { get; }

    public string ConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync(string provider, bool migrate = true)
    {
        TestDatabase db;
        if (provider == Sqlite)
        {
            var file = Path.Combine(Path.GetTempPath(), $"vms-test-{Guid.NewGuid():N}.db");
            db = new TestDatabase(provider, $"Data Source={file};Pooling=false", file, null, null);
        }
        else
        {
            var admin = Environment.GetEnvironmentVariable("VMS_TEST_POSTGRES");
            Assert.False(string.IsNullOrEmpty(admin),
                "VMS_TEST_POSTGRES is not set: run ./test.sh, or start a cluster with scripts/test-postgres.sh start and export its connection string.");
            var name = $"vms_test_{Guid.NewGuid():N}";
            await using (var connection = new NpgsqlConnection(admin))
            {
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
                await command.ExecuteNonQueryAsync();
            }

            var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = false };
            db = new TestDatabase(provider, builder.ConnectionString, null, admin, name);
        }

        if (migrate)
        {
            await using var context = db.CreateContext();
            await context.Database.MigrateAsync();
        }

        return db;
    }

    public VmsDbContext CreateContext()
    {
        var builder = new DbContextOptionsBuilder<VmsDbContext>();
        if (Provider == Sqlite)
        {
            builder.UseVmsSqlite(ConnectionString);
        }
        else
        {
            builder.UseVmsPostgres(ConnectionString);
        }

        return new VmsDbContext(builder.Options);
    }

    public async ValueTask DisposeAsync()
    {
        if (_file is not null)
        {
            SqliteConnection.ClearAllPools();
            File.Delete(_file);
        }

        if (_adminConnection is not null)
        {
            await using var connection = new NpgsqlConnection(_adminConnection);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_databaseName}\" WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}
