using Microsoft.EntityFrameworkCore;

namespace Vms.Data.Postgres;

/// <summary>Points a VMS context at PostgreSQL, with this assembly's migrations.</summary>
public static class PostgresProvider
{
    public static DbContextOptionsBuilder UseVmsPostgres(this DbContextOptionsBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.UseNpgsql(connectionString, o => o.MigrationsAssembly(typeof(PostgresProvider).Assembly.GetName().Name));
    }
}
