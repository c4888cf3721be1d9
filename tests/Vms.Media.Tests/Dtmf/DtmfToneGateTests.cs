using Vms.Media.Codecs;
using Vms.Media.Dtmf;
using Vms.Media.Tests.TestSupport;
using Vms.Testing;

namespace Vms.Media.Tests.Dtmf;

/// <summary>
/// The in-band detector's level gate and side-by-side filter bank: quiet blocks skip the bank, tones at the
/// ITU-T Q.24 minimum and just above the gate are still detected, and every result equals the original detector's.
/// </summary>
[Collection(AllocationMeasurement.Name)]
public class DtmfToneGateTests
{
    private const int Frame = 160;

    [Theory]
    [InlineData(-45.0)]
    [InlineData(-40.0)]
    public void Process_QuietFrames_FilterBankNeverRuns(double levelDbm0)
    {
        var detector = new DtmfToneDetector();
        var got = new List<char>();
        detector.DigitDetected += got.Add;
        var random = new Random(3);
        var rms = Rms(levelDbm0);
        var quiet = new short[8000];
        for (var i = 0; i < quiet.Length; i++)
        {
            // Key '5' (two equal tones, total RMS 0.9 × the level) plus a little noise: below the gate.
            quiet[i] = (short)((rms * 0.9 * (Math.Sin(2 * Math.PI * 770 * i / 8000) + Math.Sin(2 * Math.PI * 1336 * i / 8000))) + random.Next(-20, 21));
        }

        FeedFrames(detector, new short[8000]);
        FeedFrames(detector, ThroughG711(quiet, G711Law.Ulaw));

        Assert.True(detector.Blocks >= 70, $"{detector.Blocks} blocks");
        Assert.Equal(0, detector.BankRuns);
        Assert.Empty(got);
    }

    [Theory]
    [InlineData(G711Law.Ulaw)]
    [InlineData(G711Law.Alaw)]
    public void Process_EveryKeyAtQ24MinimumLevel_DetectedOnce(G711Law law)
    {
        var detector = new DtmfToneDetector();
        var got = new List<char>();
        detector.DigitDetected += got.Add;
        const string keys = "123A456B789C*0#D";
        foreach (var key in keys)
        {
            FeedFrames(detector, ThroughG711(DtmfToneDetectorTests.Tone(key, 60, Peak(-25)), law));
            FeedFrames(detector, new short[800]);
        }

        Assert.Equal(keys, new string([.. got]));
    }

    [Fact]
    public void Process_KeyOneDecibelAboveGate_DetectedAndBankRan()
    {
        var detector = new DtmfToneDetector();
        var got = new List<char>();
        detector.DigitDetected += got.Add;

        // Two equal tones of amplitude A have a total RMS of A: the block level is the gate + 1 dB.
        FeedFrames(detector, ThroughG711(DtmfToneDetectorTests.Tone('8', 100, GateRms() * Math.Pow(10, 1 / 20.0)), G711Law.Ulaw));
        FeedFrames(detector, new short[800]);

        Assert.Equal("8", new string([.. got]));
        Assert.True(detector.BankRuns >= 2);
    }

    [Fact]
    public void Process_KeyOneDecibelBelowGate_NotAnalysed()
    {
        var detector = new DtmfToneDetector();
        var got = new List<char>();
        detector.DigitDetected += got.Add;

        FeedFrames(detector, DtmfToneDetectorTests.Tone('8', 100, GateRms() * Math.Pow(10, -1 / 20.0)));

        Assert.Empty(got);
        Assert.Equal(0, detector.BankRuns);
    }

    [Fact]
    public void Process_ToneThenLongSilence_ExactlyOneDigitAndBankOnlyOnToneBlocks()
    {
        var detector = new DtmfToneDetector();
        var got = new List<char>();
        detector.DigitDetected += got.Add;
        var tone = DtmfToneDetectorTests.Tone('#', 200, Peak(-20));

        FeedFrames(detector, new short[1600]);
        FeedFrames(detector, ThroughG711(tone, G711Law.Alaw));
        FeedFrames(detector, ThroughG711(new short[16000], G711Law.Alaw)); // A-law silence decodes to ±8

        Assert.Equal("#", new string([.. got]));
        var toneBlocks = (tone.Length / 205) + 2; // the blocks the tone overlaps
        Assert.InRange(detector.BankRuns, toneBlocks - 2, toneBlocks);
        Assert.True(detector.Blocks > 80);
    }

    [Fact]
    public void Process_SpeechFromTestVector_SameResultAsOriginalDetector()
    {
        var linear = new List<short>();
        foreach (var packet in PcapReader.ReadUdpPayloads(TestData.Read("g711", "rtp-pcap", "g711a.pcap")))
        {
            var samples = new short[packet.Length - 12];
            G711.Decode(G711Law.Alaw, packet.AsSpan(12), samples);
            linear.AddRange(samples);
        }

        AssertSameAsReference(linear.ToArray());
    }

    [Fact]
    public void Process_KeysAtLevelsFromMinus45To0Dbm0_SameResultAsOriginalDetector()
    {
        var random = new Random(11);
        var signal = new List<short>();
        foreach (var key in "159*0#AD")
        {
            for (var level = -45.0; level <= 0; level += 1.5)
            {
                var tone = DtmfToneDetectorTests.Tone(key, random.Next(30, 120), Peak(level));
                for (var i = 0; i < tone.Length; i++)
                {
                    tone[i] = (short)Math.Clamp(tone[i] + random.Next(-300, 301), short.MinValue, short.MaxValue);
                }

                signal.AddRange(ThroughG711(tone, G711Law.Ulaw));
                signal.AddRange(new short[random.Next(0, 600)]);
            }
        }

        var digits = AssertSameAsReference([.. signal]);
        Assert.InRange(digits.Length, 50, 247); // a real mix: 248 presses, the short, quiet or noisy ones missed
    }

    [Fact]
    public void Process_NoiseAndOffsets_SameResultAsOriginalDetector()
    {
        var random = new Random(5);
        var signal = new short[80000];
        for (var i = 0; i < signal.Length; i++)
        {
            var segment = i / 4000;
            signal[i] = (short)((segment % 3 == 0 ? -5504 : 0) + random.Next(-50 * segment, (50 * segment) + 1));
        }

        AssertSameAsReference(signal);
    }

    [Fact]
    public void Process_LoudAndQuietFramesAfterWarmUp_ZeroBytesAllocated()
    {
        var detector = new DtmfToneDetector();
        var loud = DtmfToneDetectorTests.Tone('7', 20, 3000); // one held key, frame after frame: bank on every block
        var quiet = new short[Frame];
        for (var i = 0; i < 100; i++)
        {
            detector.Process(loud);
            detector.Process(quiet);
        }

        var runs = detector.BankRuns;
        var allocated = SteadyStateAllocation.FewestBytes(() =>
        {
            for (var i = 0; i < 1000; i++)
            {
                detector.Process(loud);
                detector.Process(quiet);
            }
        });

        Assert.Equal(0, allocated);
        Assert.True(detector.BankRuns - runs > 1000);
    }

    private static string AssertSameAsReference(short[] signal)
    {
        var reference = new ReferenceToneDetector();
        var detector = new DtmfToneDetector();
        var got = new List<char>();
        detector.DigitDetected += got.Add;
        for (var offset = 0; offset < signal.Length; offset += Frame)
        {
            var frame = signal.AsSpan(offset, Math.Min(Frame, signal.Length - offset));
            reference.Process(frame);
            detector.Process(frame);
        }

        Assert.Equal(new string([.. reference.Digits]), new string([.. got]));
        return new string([.. got]);
    }

    private static void FeedFrames(DtmfToneDetector detector, short[] samples)
    {
        for (var offset = 0; offset < samples.Length; offset += Frame)
        {
            detector.Process(samples.AsSpan(offset, Math.Min(Frame, samples.Length - offset)));
        }
    }

    private static double Rms(double dbm0) => DtmfToneDetector.ZeroDbm0Rms * Math.Pow(10, dbm0 / 20);

    /// <summary>Peak amplitude of one sine at <paramref name="dbm0"/>.</summary>
    private static double Peak(double dbm0) => Rms(dbm0) * Math.Sqrt(2);

    private static double GateRms() => DtmfToneDetector.MinimumBlockRms;

    private static short[] ThroughG711(short[] samples, G711Law law)
    {
        var codes = new byte[samples.Length];
        G711.Encode(law, samples, codes);
        var back = new short[samples.Length];
        G711.Decode(law, codes, back);
        return back;
    }
}
