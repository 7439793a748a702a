/// The abbreviations the tokenizer keeps together with their full stop, and how each may end a sentence.
///
/// Dotted letter sequences (`U.S.`, `a.m.`, `e.g.`, `D.C.`) and single capital initials (`J.`) are found by
/// shape and need no entry here.
public enum Abbreviations {
    /// How an abbreviation behaves at a possible sentence end.
    public enum Role: Sendable {
        /// A title before a name (`Mr.`, `Sen.`, `Gov.`): never ends a sentence.
        case title
        /// A month before a day (`Sept. 11`): never ends a sentence.
        case month
        /// `No.`/`Nos.`: an abbreviation only before a number (`No. 10`), and then never ends a sentence.
        case number
        /// May end a sentence (`etc.`, `Inc.`, `Jr.`, `Calif.`): see ``SentenceSplitter``.
        case mayEnd
    }

    /// Spelling as written, without the full stop → role. Case matters: `Gov.` is listed, `gov.` is not.
    public static let table: [String: Role] = {
        var t: [String: Role] = [:]
        for w in ["Mr", "Mrs", "Ms", "Messrs", "Dr", "Prof", "Gov", "Sen", "Rep", "Reps", "Sens", "Gen", "Lt",
                  "Col", "Capt", "Cpt", "Sgt", "Cmdr", "Adm", "Maj", "Cpl", "Pvt", "Brig", "Rev", "Hon", "Rt",
                  "Pres", "Supt", "Det", "Insp", "Fr", "St", "Mt", "Ft", "Atty", "Gens", "Drs"] {
            t[w] = .title
        }
        for w in ["Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"] {
            t[w] = .month
        }
        t["No"] = .number
        t["Nos"] = .number
        for w in ["Inc", "Ltd", "Corp", "Co", "Bros", "Jr", "Sr", "Esq", "Dept", "Univ", "Assn", "Ave", "Blvd",
                  "Rd", "Vol", "Fig", "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill",
                  "Ind", "Kan", "Kans", "Ky", "La", "Md", "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb",
                  "Nev", "Okla", "Ore", "Pa", "Penn", "Tenn", "Tex", "Va", "Vt", "Wash", "Wis", "Wyo",
                  "etc", "vs", "al", "approx", "cf", "ca", "viz", "esp", "est", "incl"] {
            t[w] = .mayEnd
        }
        return t
    }()

    /// Token norms (lower case, with the full stop) that never end a sentence: titles, months, `no.`.
    public static let neverEndSentence: Set<String> = {
        var s = Set<String>()
        for (w, role) in table where role != .mayEnd { s.insert(w.lowercased() + ".") }
        return s
    }()
}
