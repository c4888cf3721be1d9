using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vms.Data.Identity;
using Vms.Data.Tenancy;

namespace Vms.Data.Configurations;

internal sealed class ProfileConfiguration : IEntityTypeConfiguration<Profile>
{
    public void Configure(EntityTypeBuilder<Profile> builder)
    {
        builder.HasOne<Customer>().WithMany().HasForeignKey(p => p.CustomerId);
        builder.Property(p => p.Name).HasMaxLength(64);
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(p => new { p.CustomerId, p.Name }).IsUnique();
    }
}
