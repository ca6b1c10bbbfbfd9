package extract

// firstNames are common given names across the languages news reports on
// (English, Romance, Germanic, Slavic, Arabic, Persian, Turkish, African,
// South and East Asian transliterations). A capitalised pair that starts
// with one is taken for a person even without a title.
var firstNames = map[string]bool{}

func init() {
	for _, n := range []string{
		// English and Western European
		"john", "james", "robert", "michael", "william", "david", "richard", "joseph", "thomas", "charles",
		"christopher", "daniel", "matthew", "anthony", "mark", "donald", "steven", "steve", "paul", "andrew",
		"joshua", "kenneth", "kevin", "brian", "george", "timothy", "ronald", "edward", "jason", "jeffrey",
		"ryan", "jacob", "gary", "nicholas", "eric", "jonathan", "stephen", "larry", "justin", "scott",
		"brandon", "benjamin", "samuel", "gregory", "frank", "alexander", "raymond", "patrick", "jack",
		"dennis", "jerry", "tyler", "aaron", "jose", "adam", "henry", "nathan", "douglas", "zachary",
		"peter", "kyle", "walter", "ethan", "jeremy", "harold", "keith", "christian", "roger", "noah",
		"gerald", "carl", "terry", "sean", "austin", "arthur", "lawrence", "jesse", "dylan", "bryan",
		"joe", "jordan", "billy", "bruce", "albert", "willie", "gabriel", "logan", "alan", "juan",
		"wayne", "roy", "ralph", "randy", "eugene", "vincent", "russell", "elijah", "louis", "bobby",
		"philip", "phil", "johnny", "bill", "tom", "tim", "mike", "jim", "bob", "ted", "tony", "nick",
		"ben", "sam", "dan", "dave", "chris", "matt", "rob", "greg", "ken", "jeff", "rick", "ron", "hillary",
		"barack", "mitt", "rex", "mike", "nancy", "mary", "patricia", "jennifer", "linda", "elizabeth",
		"barbara", "susan", "jessica", "sarah", "karen", "lisa", "betty", "margaret", "sandra", "ashley",
		"kimberly", "emily", "donna", "michelle", "carol", "amanda", "dorothy", "melissa", "deborah",
		"stephanie", "rebecca", "sharon", "laura", "cynthia", "kathleen", "amy", "angela", "shirley",
		"anna", "brenda", "pamela", "emma", "nicole", "helen", "samantha", "katherine", "christine",
		"debra", "rachel", "carolyn", "janet", "catherine", "maria", "heather", "diane", "ruth", "julie",
		"olivia", "joyce", "virginia", "victoria", "kelly", "lauren", "christina", "joan", "evelyn",
		"judith", "megan", "andrea", "cheryl", "hannah", "jacqueline", "martha", "gloria", "teresa",
		"ann", "sara", "madison", "frances", "kathryn", "janice", "jean", "abigail", "alice", "julia",
		"judy", "sophia", "grace", "denise", "amber", "doris", "marilyn", "danielle", "beverly", "isabella",
		"theresa", "diana", "natalie", "brittany", "charlotte", "marie", "kayla", "alexis", "lori", "kate",
		"theresa", "boris", "angela", "emmanuel", "francois", "françois", "jacques", "nicolas", "jean-claude",
		"jean-marc", "pierre", "michel", "alain", "philippe", "laurent", "marine", "segolene", "ségolène",
		"giuseppe", "giovanni", "matteo", "mario", "silvio", "romano", "enrico", "paolo", "sergio", "luigi",
		"carlos", "luis", "manuel", "pedro", "pablo", "mariano", "felipe", "javier", "miguel", "antonio",
		"francisco", "jorge", "alberto", "fernando", "ricardo", "eduardo", "raul", "hugo", "evo", "dilma",
		"luiz", "inacio", "jair", "cristina", "mauricio", "nicolás", "andrés", "gustavo",
		"hans", "klaus", "jurgen", "jürgen", "wolfgang", "gerhard", "helmut", "frank-walter", "olaf",
		"heiko", "ursula", "annegret", "sebastian", "mark", "jens", "lars", "anders", "erik", "stefan",
		"mats", "sven", "ole", "niels", "henrik", "jan", "pieter", "willem", "geert", "mette", "sanna",
		// Slavic, Baltic, Hungarian, Greek
		"vladimir", "sergei", "sergey", "dmitry", "dmitri", "dmitriy", "alexei", "alexey", "aleksei",
		"mikhail", "nikolai", "ivan", "igor", "yuri", "yury", "viktor", "victor", "andrei", "andrey",
		"oleg", "pavel", "petro", "volodymyr", "yulia", "arseniy", "leonid", "gennady", "maria", "olga",
		"tatiana", "natalia", "svetlana", "elena", "irina", "ramzan", "alexander", "aleksandr", "valentina",
		"lech", "donald", "jaroslaw", "andrzej", "mateusz", "milos", "aleksandar", "slobodan", "vojislav",
		"viktor", "janez", "alexis", "kyriakos", "andreas", "nikos", "yanis", "dalia", "kersti",
		// Arabic, Persian, Turkish, Kurdish
		"mohammed", "muhammad", "mohammad", "mohamed", "ahmed", "ahmad", "ali", "hassan", "hussein",
		"hussain", "omar", "umar", "abdul", "abdullah", "abdel", "abdulaziz", "khalid", "khaled", "mahmoud",
		"mahmud", "mustafa", "ibrahim", "ismail", "yusuf", "youssef", "salman", "faisal", "fahd", "saud",
		"bashar", "hafez", "hosni", "anwar", "gamal", "nasser", "saddam", "nouri", "haider", "masoud",
		"massoud", "jalal", "hamid", "hamad", "tamim", "zayed", "mansour", "rashid", "samir", "walid",
		"riad", "riyad", "saad", "fouad", "nabil", "tariq", "tarek", "ayman", "osama", "hamza", "hassan",
		"hasan", "recep", "tayyip", "ahmet", "abdullah", "binali", "mevlut", "kemal", "mesut", "selahattin",
		"hakan", "emre", "mehmet", "mahmoud", "hassan", "javad", "akbar", "mahmoud", "ebrahim", "mojtaba",
		"ruhollah", "hashemi", "mir-hossein", "benjamin", "benny", "yair", "naftali", "ehud", "ariel",
		"shimon", "yitzhak", "tzipi", "avigdor", "moshe", "isaac", "yasser", "ismail", "khaled",
		"fatima", "aisha", "leila", "layla", "zainab", "maryam", "yara", "nadia", "rania", "amal", "huda",
		// African
		"jacob", "cyril", "thabo", "nelson", "robert", "emmerson", "uhuru", "william", "raila", "yoweri",
		"paul", "abiy", "isaias", "muhammadu", "goodluck", "olusegun", "bola", "ellen", "george", "kofi",
		"nana", "john", "macky", "alassane", "felix", "joseph", "salva", "riek", "omar", "abdel-fattah",
		"chinua", "wole", "ngozi", "amina",
		// South, Central and East Asian
		"narendra", "rahul", "sonia", "manmohan", "atal", "arvind", "amit", "imran", "nawaz", "shehbaz",
		"asif", "benazir", "pervez", "sheikh", "hasina", "khaleda", "ashraf", "hamid", "aung", "san",
		"thaksin", "yingluck", "prayut", "joko", "susilo", "rodrigo", "ferdinand", "benigno", "gloria",
		"xi", "hu", "wen", "li", "wang", "zhang", "liu", "chen", "yang", "zhao", "huang", "zhou", "wu",
		"deng", "mao", "jiang", "shinzo", "fumio", "yoshihide", "junichiro", "naoto", "yukio", "taro",
		"moon", "park", "kim", "lee", "yoon", "ban", "ki-moon", "jae-in", "geun-hye", "jong-un", "jong-il",
		"nursultan", "kassym-jomart", "islam", "shavkat", "emomali", "gurbanguly", "ilham", "nikol",
		"serzh", "mikheil", "eduard", "tsai", "ing-wen", "ma", "ying-jeou", "lee", "hsien", "loong",
		"mahathir", "najib", "anwar", "jacinda", "scott", "malcolm", "kevin", "julia", "tony", "justin",
		"stephen", "jean", "pierre", "hamid", "ashraf", "zalmay",
	} {
		firstNames[n] = true
	}
}
