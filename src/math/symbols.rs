//! The tables of math in Unicode: commands that are one symbol, and the
//! characters that have a superscript or subscript form.

/// `\name` → its symbol.
pub fn symbol(name: &str) -> Option<&'static str> {
    Some(match name {
        // Greek, lower case.
        "alpha" => "α", "beta" => "β", "gamma" => "γ", "delta" => "δ",
        "epsilon" => "ϵ", "varepsilon" => "ε", "zeta" => "ζ", "eta" => "η",
        "theta" => "θ", "vartheta" => "ϑ", "iota" => "ι", "kappa" => "κ",
        "lambda" => "λ", "mu" => "μ", "nu" => "ν", "xi" => "ξ", "omicron" => "ο",
        "pi" => "π", "varpi" => "ϖ", "rho" => "ρ", "varrho" => "ϱ", "sigma" => "σ",
        "varsigma" => "ς", "tau" => "τ", "upsilon" => "υ", "phi" => "ϕ",
        "varphi" => "φ", "chi" => "χ", "psi" => "ψ", "omega" => "ω",
        // Greek, upper case.
        "Gamma" => "Γ", "Delta" => "Δ", "Theta" => "Θ", "Lambda" => "Λ", "Xi" => "Ξ",
        "Pi" => "Π", "Sigma" => "Σ", "Upsilon" => "Υ", "Phi" => "Φ", "Psi" => "Ψ",
        "Omega" => "Ω",
        // Operators.
        "pm" => "±", "mp" => "∓", "times" => "×", "div" => "÷", "cdot" => "⋅",
        "ast" => "∗", "star" => "⋆", "circ" => "∘", "bullet" => "∙", "oplus" => "⊕",
        "otimes" => "⊗", "cap" => "∩", "cup" => "∪", "setminus" => "∖",
        "land" | "wedge" => "∧", "lor" | "vee" => "∨", "neg" | "lnot" => "¬",
        // Relations.
        "leq" | "le" => "≤", "geq" | "ge" => "≥", "neq" | "ne" => "≠",
        "approx" => "≈", "equiv" => "≡", "sim" => "∼", "simeq" => "≃", "cong" => "≅",
        "propto" => "∝", "ll" => "≪", "gg" => "≫", "subset" => "⊂", "subseteq" => "⊆",
        "supset" => "⊃", "supseteq" => "⊇", "in" => "∈", "notin" => "∉", "ni" => "∋",
        "mid" => "∣", "parallel" => "∥", "perp" => "⊥", "models" => "⊨", "vdash" => "⊢",
        // Arrows.
        "to" | "rightarrow" => "→", "leftarrow" | "gets" => "←",
        "Rightarrow" => "⇒", "Leftarrow" => "⇐", "leftrightarrow" => "↔",
        "Leftrightarrow" => "⇔", "iff" => "⟺", "implies" => "⟹", "impliedby" => "⟸",
        "mapsto" => "↦", "uparrow" => "↑", "downarrow" => "↓", "longrightarrow" => "⟶",
        "longleftarrow" => "⟵", "Longrightarrow" => "⟹", "hookrightarrow" => "↪",
        // Big operators and others.
        "sum" => "∑", "prod" => "∏", "coprod" => "∐", "int" => "∫", "iint" => "∬",
        "iiint" => "∭", "oint" => "∮", "partial" => "∂", "nabla" => "∇",
        "infty" => "∞", "forall" => "∀", "exists" => "∃", "nexists" => "∄",
        "emptyset" | "varnothing" => "∅", "ldots" | "dots" => "…", "cdots" => "⋯",
        "vdots" => "⋮", "ddots" => "⋱", "prime" => "′", "angle" => "∠",
        "triangle" => "△", "degree" => "°", "hbar" => "ℏ", "ell" => "ℓ", "Re" => "ℜ",
        "Im" => "ℑ", "aleph" => "ℵ", "langle" => "⟨", "rangle" => "⟩", "lceil" => "⌈",
        "rceil" => "⌉", "lfloor" => "⌊", "rfloor" => "⌋", "|" => "‖", "square" => "□",
        "checkmark" => "✓", "therefore" => "∴", "because" => "∵",
        // Words set upright.
        "log" => "log", "ln" => "ln", "lg" => "lg", "exp" => "exp", "sin" => "sin",
        "cos" => "cos", "tan" => "tan", "lim" => "lim", "max" => "max", "min" => "min",
        "sup" => "sup", "inf" => "inf", "det" => "det", "gcd" => "gcd", "arg" => "arg",
        "mod" | "bmod" => "mod", "Pr" => "Pr",
        // Spaces and escapes.
        "," | ":" | ";" | " " | "quad" => " ", "qquad" => "  ", "!" => "",
        "{" => "{", "}" => "}", "%" => "%", "$" => "$", "&" => "&", "#" => "#", "_" => "_",
        "\\" => " ",
        _ => return None,
    })
}

/// A blackboard-bold letter (`\mathbb{R}` → `ℝ`).
pub fn double_struck(c: char) -> Option<char> {
    Some(match c {
        'C' => 'ℂ', 'H' => 'ℍ', 'N' => 'ℕ', 'P' => 'ℙ', 'Q' => 'ℚ', 'R' => 'ℝ', 'Z' => 'ℤ',
        'A'..='Z' => char::from_u32(0x1D538 + (c as u32 - 'A' as u32))?,
        '0'..='9' => char::from_u32(0x1D7D8 + (c as u32 - '0' as u32))?,
        _ => return None,
    })
}

/// The superscript form of `c`, when Unicode has one.
pub fn superscript(c: char) -> Option<char> {
    Some(match c {
        '0' => '⁰', '1' => '¹', '2' => '²', '3' => '³', '4' => '⁴', '5' => '⁵',
        '6' => '⁶', '7' => '⁷', '8' => '⁸', '9' => '⁹', '+' => '⁺', '-' | '−' => '⁻',
        '=' => '⁼', '(' => '⁽', ')' => '⁾', 'a' => 'ᵃ', 'b' => 'ᵇ', 'c' => 'ᶜ',
        'd' => 'ᵈ', 'e' => 'ᵉ', 'f' => 'ᶠ', 'g' => 'ᵍ', 'h' => 'ʰ', 'i' => 'ⁱ',
        'j' => 'ʲ', 'k' => 'ᵏ', 'l' => 'ˡ', 'm' => 'ᵐ', 'n' => 'ⁿ', 'o' => 'ᵒ',
        'p' => 'ᵖ', 'r' => 'ʳ', 's' => 'ˢ', 't' => 'ᵗ', 'u' => 'ᵘ', 'v' => 'ᵛ',
        'w' => 'ʷ', 'x' => 'ˣ', 'y' => 'ʸ', 'z' => 'ᶻ', 'A' => 'ᴬ', 'B' => 'ᴮ',
        'D' => 'ᴰ', 'E' => 'ᴱ', 'G' => 'ᴳ', 'H' => 'ᴴ', 'I' => 'ᴵ', 'J' => 'ᴶ',
        'K' => 'ᴷ', 'L' => 'ᴸ', 'M' => 'ᴹ', 'N' => 'ᴺ', 'O' => 'ᴼ', 'P' => 'ᴾ',
        'R' => 'ᴿ', 'T' => 'ᵀ', 'U' => 'ᵁ', 'V' => 'ⱽ', 'W' => 'ᵂ', 'α' => 'ᵅ',
        'β' => 'ᵝ', 'γ' => 'ᵞ', 'δ' => 'ᵟ', 'ε' | 'ϵ' => 'ᵋ', 'θ' => 'ᶿ', 'ι' => 'ᶥ',
        'φ' | 'ϕ' => 'ᵠ', 'χ' => 'ᵡ', '′' => '′', '*' | '∗' => '*', ' ' => ' ',
        _ => return None,
    })
}

/// The subscript form of `c`, when Unicode has one.
pub fn subscript(c: char) -> Option<char> {
    Some(match c {
        '0' => '₀', '1' => '₁', '2' => '₂', '3' => '₃', '4' => '₄', '5' => '₅',
        '6' => '₆', '7' => '₇', '8' => '₈', '9' => '₉', '+' => '₊', '-' | '−' => '₋',
        '=' => '₌', '(' => '₍', ')' => '₎', 'a' => 'ₐ', 'e' => 'ₑ', 'h' => 'ₕ',
        'i' => 'ᵢ', 'j' => 'ⱼ', 'k' => 'ₖ', 'l' => 'ₗ', 'm' => 'ₘ', 'n' => 'ₙ',
        'o' => 'ₒ', 'p' => 'ₚ', 'r' => 'ᵣ', 's' => 'ₛ', 't' => 'ₜ', 'u' => 'ᵤ',
        'v' => 'ᵥ', 'x' => 'ₓ', 'β' => 'ᵦ', 'γ' => 'ᵧ', 'ρ' => 'ᵨ', 'φ' | 'ϕ' => 'ᵩ',
        'χ' => 'ᵪ', ' ' => ' ',
        _ => return None,
    })
}
