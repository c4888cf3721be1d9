using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vms.Data.Identity;

namespace Vms.Data.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditLog");
        builder.Property(a => a.Actor).HasMaxLength(200);
        builder.Property(a => a.Action).HasMaxLength(64);
        builder.Property(a => a.Target).HasMaxLength(200);
        builder.Property(a => a.Details).HasMaxLength(2000);
        builder.Property(a => a.RemoteAddress).HasMaxLength(64);
        builder.HasIndex(a => new { a.CustomerId, a.At });
    }
}
