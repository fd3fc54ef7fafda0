using System.Security.Cryptography;
using System.Text;

namespace ReviewWorkflow.Durable.Execution;

/// <summary>Name-based UUID version 5 (RFC 9562), as Microsoft.DurableTask's <c>NewGuid</c>.</summary>
internal static class DeterministicGuid
{
    public static readonly Guid DurableTaskNamespace = new("9e952958-5e33-4daf-827f-2fa12937b875");

    public static Guid Create(Guid namespaceId, string name)
    {
        Span<byte> input = stackalloc byte[16];
        namespaceId.TryWriteBytes(input, bigEndian: true, out _);
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var buffer = new byte[16 + nameBytes.Length];
        input.CopyTo(buffer);
        nameBytes.CopyTo(buffer, 16);
#pragma warning disable CA5350 // UUID v5 is defined over SHA-1; this is an identifier, not a security use.
        var hash = SHA1.HashData(buffer);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
