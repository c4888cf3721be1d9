using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Jobs;
using Vms.Media.Wav;

namespace Vms.Media.Benchmarks;

/// <summary>Resampling one second of mono 16-bit audio to 8 kHz.</summary>
[MemoryDiagnoser]
[SimpleJob(RuntimeMoniker.Net10_0, launchCount: 1, warmupCount: 3, iterationCount: 5)]
public class ResamplerBenchmarks
{
    private readonly short[] _output = new short[8000];
    private short[] _input = [];
    private Resampler _resampler = null!;

    [Params(11025, 44100)]
    public int InputRate { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _input = [.. Enumerable.Range(0, InputRate).Select(i => (short)(8000 * Math.Sin(2 * Math.PI * 1000 * i / InputRate)))];
        _resampler = new Resampler(InputRate, 8000);
    }

    [Benchmark]
    public void ResampleTo8k1s() => _resampler.Process(_input, _output);
}
