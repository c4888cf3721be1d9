using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Jobs;
using Vms.Media.Codecs;

namespace Vms.Media.Benchmarks;

/// <summary>G.711 throughput on one second of 8 kHz audio (16,000 bytes of PCM, 8,000 bytes of G.711).</summary>
[MemoryDiagnoser]
[SimpleJob(RuntimeMoniker.Net10_0, launchCount: 1, warmupCount: 3, iterationCount: 5)]
public class G711Benchmarks
{
    private readonly short[] _pcm = new short[8000];
    private readonly byte[] _codes = new byte[8000];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        for (var i = 0; i < _pcm.Length; i++)
        {
            _pcm[i] = (short)random.Next(short.MinValue, short.MaxValue);
        }

        G711.Encode(G711Law.Alaw, _pcm, _codes);
    }

    [Benchmark]
    public void EncodeUlaw1s() => G711.Encode(G711Law.Ulaw, _pcm, _codes);

    [Benchmark]
    public void EncodeAlaw1s() => G711.Encode(G711Law.Alaw, _pcm, _codes);

    [Benchmark]
    public void DecodeAlaw1s() => G711.Decode(G711Law.Alaw, _codes, _pcm);
}
