using System.Security.Cryptography;
using System.Text;
using Konscious.Security.Cryptography;
using Microsoft.Extensions.Options;
using Vms.Server.Hosting;

namespace Vms.Server.Features.Account;

/// <summary>
/// Argon2id password hashes (OWASP defaults: 19 MiB, 2 passes, 1 lane; settings Vms:Argon2MemoryKib and
/// Vms:Argon2Iterations), stored with their parameters as <c>argon2id$m=19456,t=2,p=1$salt$hash</c> in base64,
/// so stronger settings later still verify older hashes.
/// </summary>
public sealed class PasswordHasher
{
    private const int Parallelism = 1;
    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    /// <summary>A valid hash of a random password: verifying an unknown user costs the same as a real one.</summary>
    private readonly Lazy<string> _decoy;

    private readonly int _memoryKib;
    private readonly int _iterations;

    public PasswordHasher(IOptions<VmsOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _memoryKib = Math.Max(8192, options.Value.Argon2MemoryKib);
        _iterations = Math.Max(1, options.Value.Argon2Iterations);
        _decoy = new Lazy<string>(() => Hash(Convert.ToBase64String(RandomNumberGenerator.GetBytes(18))));
    }

    public string Hash(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Compute(password, salt, _memoryKib, _iterations, Parallelism);
        return $"argon2id$m={_memoryKib},t={_iterations},p={Parallelism}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}";
    }

    public bool Verify(string? stored, string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        var parts = (stored ?? _decoy.Value).Split('$');
        if (parts.Length != 4 || parts[0] != "argon2id")
        {
            return false;
        }

        var settings = parts[1].Split(',').Select(p => p.Split('=')).Where(p => p.Length == 2)
            .ToDictionary(p => p[0], p => int.TryParse(p[1], System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : 0, StringComparer.Ordinal);
        if (!settings.TryGetValue("m", out var m) || !settings.TryGetValue("t", out var t) || !settings.TryGetValue("p", out var p)
            || m is < 8192 or > 1_048_576 || t is < 1 or > 10 || p is < 1 or > 8)
        {
            return false;
        }

        byte[] salt, expected;
        try
        {
            salt = Convert.FromBase64String(parts[2]);
            expected = Convert.FromBase64String(parts[3]);
        }
        catch (FormatException)
        {
            return false;
        }

        var actual = Compute(password, salt, m, t, p);
        return CryptographicOperations.FixedTimeEquals(actual, expected) && stored is not null;
    }

    private static byte[] Compute(string password, byte[] salt, int memoryKib, int iterations, int parallelism)
    {
        using var argon = new Argon2id(Encoding.UTF8.GetBytes(password))
        {
            Salt = salt,
            MemorySize = memoryKib,
            Iterations = iterations,
            DegreeOfParallelism = parallelism,
        };
        return argon.GetBytes(HashBytes);
    }
}
