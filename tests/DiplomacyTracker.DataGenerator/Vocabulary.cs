namespace DiplomacyTracker.DataGenerator;

/// <summary>Word lists the synthetic rows are drawn from: places, names, and the language of communiqués.</summary>
internal static class Vocabulary
{
    /// <summary>About 40 venues; the Chinese and Russian ones first and most frequent.</summary>
    public static readonly (string City, string Country, string[] Sites)[] Venues =
    [
        ("Beijing", "China", ["Great Hall of the People", "Diaoyutai State Guesthouse", "Zhongnanhai"]),
        ("Moscow", "Russia", ["Kremlin", "Novo-Ogaryovo", "Grand Kremlin Palace"]),
        ("Shanghai", "China", ["Shanghai Exhibition Centre"]),
        ("Saint Petersburg", "Russia", ["Konstantinovsky Palace"]),
        ("Harbin", "China", ["Harbin Institute of Technology"]),
        ("Vladivostok", "Russia", ["Far Eastern Federal University"]),
        ("Tianjin", "China", []),
        ("Kazan", "Russia", ["Kazan Expo"]),
        ("Sochi", "Russia", ["Bocharov Ruchey"]),
        ("Xi'an", "China", []),
        ("Hangzhou", "China", []),
        ("Qingdao", "China", []),
        ("Xiamen", "China", []),
        ("Guangzhou", "China", []),
        ("Shenzhen", "China", []),
        ("Dalian", "China", []),
        ("Urumqi", "China", []),
        ("Novosibirsk", "Russia", []),
        ("Yekaterinburg", "Russia", []),
        ("Khabarovsk", "Russia", []),
        ("Irkutsk", "Russia", []),
        ("Blagoveshchensk", "Russia", []),
        ("Heihe", "China", []),
        ("Manzhouli", "China", []),
        ("Astana", "Kazakhstan", ["Palace of Independence"]),
        ("Tashkent", "Uzbekistan", []),
        ("Samarkand", "Uzbekistan", []),
        ("Bishkek", "Kyrgyzstan", []),
        ("Dushanbe", "Tajikistan", []),
        ("Ulaanbaatar", "Mongolia", []),
        ("New Delhi", "India", []),
        ("Johannesburg", "South Africa", []),
        ("Brasília", "Brazil", []),
        ("Rio de Janeiro", "Brazil", []),
        ("Osaka", "Japan", []),
        ("Bali", "Indonesia", []),
        ("Hanoi", "Vietnam", []),
        ("Tehran", "Iran", []),
        ("New York", "United States", ["United Nations Headquarters"]),
        ("Geneva", "Switzerland", ["Palais des Nations"]),
        ("Minsk", "Belarus", []),
        ("Pyongyang", "North Korea", []),
    ];

    public static readonly string[] ChineseSurnames = ["Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Zhao", "Huang", "Zhou", "Wu", "Xu", "Sun", "Hu", "Zhu", "Gao", "Lin", "He", "Guo", "Ma", "Luo", "Liang", "Song", "Zheng", "Xie", "Han", "Tang", "Feng", "Yu", "Dong", "Xiao"];

    public static readonly string[] ChineseGivenNames = ["Wei", "Fang", "Min", "Jing", "Lei", "Jun", "Yong", "Yan", "Jie", "Tao", "Ming", "Chao", "Xia", "Ping", "Gang", "Hui", "Qiang", "Bo", "Hong", "Lin", "Jianguo", "Zhiwei", "Xiaoming", "Guoqiang", "Haiyan", "Wenjun", "Yuhang", "Zhenhua", "Dehai", "Kaiyuan"];

    public static readonly string[] RussianGivenNames = ["Alexander", "Sergey", "Dmitry", "Andrey", "Alexey", "Maxim", "Ivan", "Mikhail", "Nikolai", "Yuri", "Viktor", "Oleg", "Pavel", "Igor", "Anton", "Elena", "Olga", "Tatiana", "Natalia", "Irina", "Maria", "Anna", "Svetlana", "Valentina", "Denis", "Roman", "Vladimir", "Konstantin", "Boris", "Gennady"];

    public static readonly string[] RussianSurnames = ["Ivanov", "Smirnov", "Kuznetsov", "Popov", "Vasiliev", "Petrov", "Sokolov", "Mikhailov", "Novikov", "Fedorov", "Morozov", "Volkov", "Alexeev", "Lebedev", "Semenov", "Egorov", "Pavlov", "Kozlov", "Stepanov", "Nikolaev", "Orlov", "Andreev", "Makarov", "Nikitin", "Zakharov", "Zaitsev", "Solovyov", "Borisov", "Yakovlev", "Grigoriev"];

    public static readonly string[] OtherNames = ["Kassym Tokayev", "Shavkat Ahmadi", "Narendra Rao", "Cyril Dube", "Luiz Barros", "Joko Sastro", "Ali Rahimi", "Aleksandr Lutsko", "Ukhnaagiin Bat", "Nguyen Van Hai", "Emomali Saidov", "Sadyr Asanov", "Antonio Ferreira", "Ramaphosa Ndlovu", "Kim Song-il"];

    public static readonly string[] Roles = ["President", "Premier", "Prime Minister", "Foreign Minister", "Defence Minister", "Vice Premier", "Deputy Prime Minister", "Ambassador", "Minister of Commerce", "Minister of Energy", "Chairman of the State Duma", "Chairman of the NPC Standing Committee", "Head of the International Department", "Presidential aide", "Spokesperson", "Secretary of the Security Council", "Governor", "Party Secretary"];

    public static readonly string[] Outlets = ["Xinhua", "TASS", "RIA Novosti", "People's Daily", "China Daily", "Global Times", "Interfax", "Kommersant", "Reuters", "Associated Press", "CGTN", "RT", "Ministry of Foreign Affairs of the PRC", "Kremlin.ru", "South China Morning Post"];

    /// <summary>What an event is about; every title and summary names one or two of these.</summary>
    public static readonly string[] Subjects = ["energy cooperation", "the Power of Siberia pipeline", "trade in national currencies", "the Ukraine crisis", "the Shanghai Cooperation Organisation", "BRICS enlargement", "Arctic shipping", "grain exports", "nuclear power", "space exploration", "joint naval exercises", "border demarcation", "the Belt and Road Initiative", "the Eurasian Economic Union", "scientific exchanges", "cross-border railways", "satellite navigation", "financial settlement systems", "agricultural trade", "tourism and culture years", "counter-terrorism", "regional security in Central Asia", "the Korean Peninsula", "climate and environment", "artificial intelligence", "high-speed rail", "liquefied natural gas", "oil supplies", "media cooperation", "education and youth exchanges"];

    /// <summary>The language of communiqués; Zipf-weighted so some words are common and some rare.</summary>
    public static readonly string[] Words = ["cooperation", "partnership", "strategic", "comprehensive", "coordination", "new", "era", "relations", "bilateral", "mutual", "respect", "trust", "development", "security", "stability", "peace", "multipolar", "world", "order", "sovereignty", "territorial", "integrity", "interference", "internal", "affairs", "dialogue", "consultation", "friendship", "neighbourliness", "good", "lasting", "energy", "oil", "gas", "pipeline", "trade", "investment", "finance", "currency", "settlement", "yuan", "rouble", "sanctions", "unilateral", "hegemony", "bloc", "confrontation", "cold", "war", "mentality", "crisis", "Ukraine", "political", "settlement", "negotiations", "ceasefire", "escalation", "nuclear", "arms", "control", "treaty", "missile", "defence", "military", "exercises", "navy", "joint", "patrol", "Arctic", "shipping", "route", "Northern", "Sea", "railway", "bridge", "border", "crossing", "grain", "agriculture", "soybeans", "technology", "innovation", "semiconductors", "artificial", "intelligence", "satellite", "space", "lunar", "station", "science", "education", "students", "culture", "tourism", "visa", "media", "Shanghai", "Cooperation", "Organisation", "BRICS", "United", "Nations", "Charter", "Security", "Council", "G20", "Asia", "Pacific", "Eurasia", "Belt", "Road", "initiative", "Global", "South", "developing", "countries", "justice", "fairness", "governance", "reform", "history", "anniversary", "victory", "memory", "future", "common", "destiny", "community", "shared", "prosperity", "win-win", "results", "achievements", "practical", "projects", "plan", "roadmap", "agreement", "memorandum", "statement", "declaration", "signed", "leaders", "talks", "meeting", "visit", "summit", "president", "chairman", "premier", "minister", "delegation", "counterpart", "warm", "cordial", "frank", "constructive", "fruitful", "productive", "important", "significant", "unprecedented", "level", "high", "deepen", "expand", "strengthen", "promote", "support", "oppose", "firmly", "resolutely", "jointly", "together", "continue", "further", "steadily", "actively", "ready", "willing", "stressed", "noted", "said", "agreed", "emphasised", "expressed", "welcomed", "praised", "congratulated", "invited", "accepted", "pleasure"];

    public static readonly string[] StatementOpenings = ["The two sides agreed that", "He said that", "She stressed that", "The leader noted that", "Both countries reaffirmed that", "The minister emphasised that", "The spokesperson said that", "According to the statement,", "The president expressed confidence that", "The premier pointed out that"];
}
