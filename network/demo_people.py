"""The demo's clinicians and writers: one list of `Person` snippets for the whole network.

The same people write and review the blog's articles and practise at the demo centres (the blog
and locations demos link them by key), as in a real network where the pain physician who reviews
an article about injections also sees patients at a centre. All people are fictional.
"""

# (key, name, credentials, credentials in Spanish, specialties (service slugs), bio, Spanish bio)
PEOPLE = [
    (
        "elena-marsh",
        "Dr. Elena Marsh",
        "MD, physical medicine and rehabilitation",
        "MD, medicina física y rehabilitación",
        ["pain-management", "physical-therapy"],
        "Dr. Marsh is a physiatrist who leads the network's clinical standards. She helps patients recover movement without surgery whenever that is possible.",
        "La Dra. Marsh es médica fisiatra y dirige los estándares clínicos de la red. Ayuda a los pacientes a recuperar el movimiento sin cirugía siempre que es posible.",
    ),
    (
        "marcus-bell",
        "Dr. Marcus Bell",
        "MD, pain medicine",
        "MD, medicina del dolor",
        ["epidural-injections", "radiofrequency-ablation", "pain-management"],
        "Dr. Bell is a board-certified pain medicine physician. He performs spinal injections and radiofrequency procedures and believes every patient should understand their options.",
        "El Dr. Bell es médico certificado en medicina del dolor. Realiza inyecciones espinales y procedimientos de radiofrecuencia, y cree que cada paciente debe entender sus opciones.",
    ),
    (
        "priya-nair",
        "Priya Nair",
        "DPT, physical therapist",
        "DPT, fisioterapeuta",
        ["physical-therapy"],
        "Priya is a doctor of physical therapy who works with people returning to work and sport after back and neck injuries.",
        "Priya es doctora en fisioterapia y trabaja con personas que vuelven al trabajo y al deporte tras lesiones de espalda y cuello.",
    ),
    (
        "jordan-ellis",
        "Jordan Ellis",
        "LMT, licensed massage therapist",
        "LMT, masajista terapéutico con licencia",
        ["therapeutic-massage"],
        "Jordan has practiced clinical massage for twelve years, mostly with people living with back pain and muscle spasm.",
        "Jordan practica el masaje clínico desde hace doce años, sobre todo con personas que viven con dolor de espalda y espasmos musculares.",
    ),
    (
        "sofia-ramirez",
        "Dr. Sofía Ramírez",
        "DC, chiropractor",
        "DC, quiropráctica",
        ["chiropractic-care"],
        "Dr. Ramírez is a chiropractor who combines gentle spinal mobilization with exercise and advice patients can use at home.",
        "La Dra. Ramírez es quiropráctica y combina la movilización suave de la columna con ejercicios y consejos que los pacientes pueden aplicar en casa.",
    ),
    (
        "daniel-okafor",
        "Daniel Okafor",
        "MPH, health educator",
        "MPH, educador en salud",
        [],
        "Daniel turns clinical guidance into plain language and writes most of the network's patient guides.",
        "Daniel traduce las recomendaciones clínicas a un lenguaje sencillo y escribe la mayoría de las guías para pacientes de la red.",
    ),
    (
        "james-okafor",
        "James Okafor",
        "DPT",
        "Doctor en Fisioterapia",
        ["physical-therapy"],
        "James helps runners and weekend athletes return to the sport they love after injury.",
        "James ayuda a corredores y deportistas de fin de semana a volver a su deporte después de una lesión.",
    ),
    (
        "hannah-cho",
        "Dr. Hannah Cho",
        "MD, orthopedic spine surgery",
        "MD, cirugía ortopédica de columna",
        ["spine-surgery-consult"],
        "Dr. Cho gives second opinions on spine surgery and operates only when other care has failed.",
        "La Dra. Cho ofrece segundas opiniones sobre cirugía de columna y opera solo cuando otros tratamientos no han funcionado.",
    ),
    (
        "grace-whitaker",
        "Grace Whitaker",
        "LAc, licensed acupuncturist",
        "LAc, acupunturista con licencia",
        ["acupuncture"],
        "Grace uses acupuncture alongside physical therapy to calm chronic pain.",
        "Grace utiliza la acupuntura junto con la fisioterapia para calmar el dolor crónico.",
    ),
    (
        "luis-herrera",
        "Dr. Luis Herrera",
        "MD, pain medicine",
        "MD, medicina del dolor",
        ["pain-management", "epidural-injections"],
        "Dr. Herrera treats sciatica and spinal stenosis and sees patients in English and Spanish.",
        "El Dr. Herrera trata la ciática y la estenosis espinal y atiende a pacientes en inglés y en español.",
    ),
    (
        "naomi-carter",
        "Naomi Carter",
        "PTA, physical therapist assistant",
        "PTA, asistente de fisioterapia",
        ["physical-therapy", "therapeutic-massage"],
        "Naomi guides your exercise sessions and checks your progress from visit to visit.",
        "Naomi guía sus sesiones de ejercicio y revisa su progreso de una visita a otra.",
    ),
]  # fmt: skip
