using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vms.Data.Tenancy;

namespace Vms.Data.Configurations;

internal sealed class ContractVersionConfiguration : IEntityTypeConfiguration<ContractVersion>
{
    public void Configure(EntityTypeBuilder<ContractVersion> builder)
    {
        builder.HasIndex(v => new { v.CustomerId, v.Version }).IsUnique();
        builder.Property(v => v.Formula).HasConversion<string>().HasMaxLength(20);
        builder.Property(v => v.CreatedBy).HasMaxLength(200);
        builder.Property(v => v.Reason).HasMaxLength(400);
    }
}
