using Microsoft.EntityFrameworkCore;

namespace Vms.Data.Sqlite;

/// <summary>Points a VMS context at SQLite, with this assembly's migrations.</summary>
public static class SqliteProvider
{
    public static DbContextOptionsBuilder UseVmsSqlite(this DbContextOptionsBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.UseSqlite(connectionString, o => o.MigrationsAssembly(typeof(SqliteProvider).Assembly.GetName().Name));
    }
}
