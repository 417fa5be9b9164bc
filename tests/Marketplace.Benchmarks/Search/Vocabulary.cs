namespace Marketplace.Benchmarks.Search;

/// <summary>Word lists the generated catalog and the query mix draw from, so queries hit realistic shares of it.</summary>
internal static class Vocabulary
{
    public static readonly string[] NameAdjectives =
    [
        "swift", "deep", "bright", "open", "nimble", "quantum", "tiny", "grand", "silent", "rapid", "clear", "smart", "lucid", "robust",
        "agile", "prime", "vivid", "solid", "keen", "bold", "lean", "sharp", "fluent", "steady", "polar", "crystal", "nova", "orbit",
        "vector", "atlas", "falcon", "aurora", "zen", "ember", "summit", "harbor", "cobalt", "onyx", "granite", "meridian",
    ];

    public static readonly string[] ModelNouns =
    [
        "vision", "lens", "embed", "coder", "chat", "reader", "segmenter", "detector", "tagger", "translator", "speech", "whisper",
        "ranker", "retriever", "classifier", "forecaster", "captioner", "parser", "summarizer", "transformer", "diffusion", "ocr",
        "sentinel", "scout", "oracle", "pilot", "sage", "muse", "echo", "pulse",
    ];

    public static readonly string[] IntegratorNouns =
    [
        "consulting", "solutions", "systems", "partners", "labs", "analytics", "engineering", "digital", "integration", "services",
    ];

    public static readonly string[] HardwareNouns =
    [
        "server", "appliance", "node", "rack", "workstation", "edge box", "cluster", "pod", "blade", "card",
    ];

    public static readonly string[] Sizes = ["1b", "3b", "7b", "8b", "13b", "34b", "70b", "small", "base", "large", "xl", "mini", "nano", "pro"];

    public static readonly string[] SummaryWords =
    [
        "model", "fast", "accurate", "inference", "training", "deployment", "enterprise", "production", "latency", "throughput",
        "multilingual", "english", "german", "japanese", "chinese", "documents", "images", "video", "audio", "text", "search",
        "retrieval", "generation", "classification", "detection", "segmentation", "embedding", "vectors", "semantic", "domain",
        "finetuned", "quantized", "efficient", "scalable", "secure", "private", "compliant", "gdpr", "hipaa", "onprem", "cloud",
        "edge", "mobile", "gpu", "cpu", "memory", "bandwidth", "batch", "streaming", "realtime", "pipeline", "workflow", "support",
        "integration", "consulting", "migration", "monitoring", "observability", "mlops", "automation", "quality", "inspection",
        "defects", "manufacturing", "factory", "retail", "shelf", "inventory", "forecast", "demand", "fraud", "risk", "credit",
        "banking", "insurance", "claims", "medical", "radiology", "clinical", "pharma", "legal", "contracts", "compliance",
        "customer", "service", "chatbot", "assistant", "agents", "knowledge", "base", "rag", "graph", "tabular", "timeseries",
        "anomaly", "sensor", "iot", "robotics", "autonomous", "driving", "logistics", "routing", "energy", "grid", "telecom",
        "network", "cybersecurity", "threat", "translation", "transcription", "speech", "voice", "summaries", "reports",
        "extraction", "invoices", "forms", "handwriting", "ocr", "tables", "charts", "code", "review", "testing", "sql",
        "analytics", "dashboards", "benchmark", "certified", "validated", "tuned", "optimized", "tensorrt", "onnx", "int8", "fp16",
        "bf16", "lowcost", "highaccuracy", "opensource", "licensed", "commercial", "research", "academic", "startup", "global",
        "europe", "asia", "americas", "sovereign", "airgapped", "hybrid", "kubernetes", "docker", "serverless", "api", "sdk",
        "python", "java", "dotnet", "rust", "golang", "delivery", "training", "workshops", "rollout", "maintenance", "sla",
    ];

    public static readonly string[] PartnerFirst =
    [
        "acme", "nimbus", "zeta", "orion", "helix", "vertex", "lumen", "quanta", "cirrus", "tessera", "polaris", "kestrel", "argon",
        "boreal", "cascade", "delta", "evergreen", "fjord", "gamma", "horizon", "iris", "juniper", "krypton", "lattice", "monarch",
        "neon", "obsidian", "pioneer", "quartz", "redwood", "sierra", "titan", "umbra", "vanguard", "willow", "xenon", "yonder", "zephyr",
    ];

    public static readonly string[] PartnerSecond = ["ai", "labs", "systems", "computing", "analytics", "robotics", "data", "cloud", "silicon", "works"];

    public static readonly string[] Tags =
    [
        "llm", "vision", "nlp", "speech", "embedding", "rag", "ocr", "edge", "gpu", "cpu", "quantized", "multilingual", "realtime",
        "batch", "onprem", "cloud", "healthcare", "finance", "retail", "manufacturing", "security", "opensource", "enterprise",
        "lowlatency", "tensorrt", "onnx", "kubernetes", "mlops", "consulting", "integration", "hardware", "inference", "training",
        "computer-vision", "time-series", "anomaly-detection", "document-ai", "chatbot", "agents", "search",
    ];

    public static readonly string[] Industries =
    [
        "manufacturing", "finance", "healthcare", "retail", "logistics", "energy", "telecom", "automotive", "public-sector",
        "insurance", "pharma", "media", "education", "agriculture", "legal",
    ];

    public static readonly string[] Tasks =
    [
        "text-embedding", "text-classification", "text-generation", "image-classification", "image-embedding", "object-detection",
        "image-segmentation", "speech-recognition", "translation", "time-series-forecasting",
    ];

    public static readonly string[] Licenses = ["apache-2.0", "mit", "llama3", "proprietary", "cc-by-4.0", "bsd-3-clause", "gemma", "openrail"];

    public static readonly string[] Modalities = ["text", "image", "audio", "multimodal", "tensor"];

    public static readonly string[] Capabilities =
    [
        "computer-vision", "rag", "mlops", "on-prem-deployment", "data-engineering", "fine-tuning", "edge-deployment",
        "model-validation", "security-review", "change-management", "llm-apps", "speech-analytics", "forecasting",
    ];

    public static readonly string[] Regions =
    [
        "US", "CA", "MX", "BR", "GB", "IE", "DE", "FR", "NL", "BE", "ES", "IT", "PL", "SE", "NO", "FI", "DK", "CH", "AT", "JP",
        "KR", "CN", "SG", "IN", "AU",
    ];

    public static readonly string[] AcceleratorTypes =
    [
        "NVIDIA H200", "NVIDIA H100", "NVIDIA L40S", "NVIDIA L4", "NVIDIA A100", "AMD Instinct MI300X", "AMD Instinct MI250",
        "Intel Gaudi 3", "NVIDIA RTX 6000 Ada", "none",
    ];

    public static readonly double[] AcceleratorMemoryGb = [16, 24, 32, 40, 48, 64, 80, 94, 96, 128, 141, 192];
}
