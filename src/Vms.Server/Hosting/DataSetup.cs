using Microsoft.EntityFrameworkCore;
using Vms.Data;
using Vms.Data.Postgres;
using Vms.Data.Sqlite;

namespace Vms.Server.Hosting;

/// <summary>The database: SQLite under ./data by default, PostgreSQL with Database__Provider=Postgres.</summary>
public static class DataSetup
{
    public static WebApplicationBuilder AddVmsData(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var provider = builder.Configuration["Database:Provider"] ?? "Sqlite";
        var connectionString = builder.Configuration.GetConnectionString("Vms");
        if (string.Equals(provider, "Postgres", StringComparison.OrdinalIgnoreCase))
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Vms is not set.");
            }

            builder.Services.AddDbContextFactory<VmsDbContext>(o => o.UseVmsPostgres(connectionString));
        }
        else if (string.Equals(provider, "Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            var cs = string.IsNullOrWhiteSpace(connectionString) ? "Data Source=data/vms.db" : connectionString;
            builder.Services.AddDbContextFactory<VmsDbContext>(o => o.UseVmsSqlite(cs));
        }
        else
        {
            throw new InvalidOperationException($"Unknown Database:Provider '{provider}' (Sqlite or Postgres).");
        }

        builder.Services.AddSingleton<VmsDb>();
        builder.Services.AddSingleton<DemoSeeder>();
        return builder;
    }

    /// <summary>Creates the data folder, applies migrations and seeds the operator administrator (and demo data).</summary>
    public static async Task InitialiseDatabaseAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<VmsOptions>>().Value;
        Directory.CreateDirectory(options.DataDirectory);
        var db = app.Services.GetRequiredService<VmsDb>();
        await using (var context = db.ForSystem())
        {
            var sqliteFile = SqliteFile(context);
            if (sqliteFile is not null)
            {
                var folder = Path.GetDirectoryName(Path.GetFullPath(sqliteFile));
                if (!string.IsNullOrEmpty(folder))
                {
                    Directory.CreateDirectory(folder);
                }
            }

            await context.Database.MigrateAsync(app.Lifetime.ApplicationStopping);
        }

        await app.Services.GetRequiredService<DemoSeeder>().SeedAsync(options.DemoMode, app.Lifetime.ApplicationStopping);
    }

    private static string? SqliteFile(VmsDbContext context)
    {
        if (context.Database.ProviderName?.Contains("Sqlite", StringComparison.Ordinal) != true)
        {
            return null;
        }

        var cs = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(context.Database.GetConnectionString());
        return string.IsNullOrEmpty(cs.DataSource) || cs.DataSource == ":memory:" ? null : cs.DataSource;
    }
}
