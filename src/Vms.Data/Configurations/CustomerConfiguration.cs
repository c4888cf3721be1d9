using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vms.Data.Tenancy;

namespace Vms.Data.Configurations;

internal sealed class CustomerConfiguration : IEntityTypeConfiguration<Customer>
{
    public void Configure(EntityTypeBuilder<Customer> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(200).IsRequired();
        builder.Property(c => c.CompanyNumber).HasMaxLength(20);
        builder.HasIndex(c => c.Name);
        builder.HasMany(c => c.ContractVersions).WithOne().HasForeignKey(v => v.CustomerId);
    }
}
