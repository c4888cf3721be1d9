using Microsoft.Data.Sqlite;
using Npgsql;

namespace Vms.Server.Tests.Support;

/// <summary>
/// A database of its own for one test: a temp SQLite file, or a new database in the PostgreSQL cluster named by
/// VMS_TEST_POSTGRES (./test.sh starts one). The server under test migrates it; dispose drops it.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    private readonly string? _adminConnection;
    private readonly string? _databaseName;

    private TestDatabase(string provider, string connectionString, string folder, string? adminConnection, string? databaseName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        Folder = folder;
        _adminConnection = adminConnection;
        _databaseName = databaseName;
    }

    public string Provider { get; }

    public string ConnectionString { get; }

    /// <summary>A temp folder for the server's data (keys, outbox, SQLite file).</summary>
    public string Folder { get; }

    public static async Task<TestDatabase> CreateAsync(string provider)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"vms-server-test-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        if (provider == Sqlite)
        {
            return new TestDatabase(provider, $"Data Source={Path.Combine(folder, "vms.db")};Pooling=false", folder, null, null);
        }

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

        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
        return new TestDatabase(provider, builder.ConnectionString, folder, admin, name);
    }

    public async ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
        if (_adminConnection is not null)
        {
            await using var connection = new NpgsqlConnection(_adminConnection);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_databaseName}\" WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }

        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a finishing host: the temp folder is cleaned by the system.
        }
    }
}
