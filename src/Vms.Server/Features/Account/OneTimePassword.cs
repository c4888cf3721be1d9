using System.Security.Cryptography;

namespace Vms.Server.Features.Account;

/// <summary>Random one-time passwords for new accounts, without look-alike characters.</summary>
public static class OneTimePassword
{
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    public static string Create(int length = 16) => RandomNumberGenerator.GetString(Alphabet, length);
}
