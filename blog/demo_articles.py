"""Demo articles in English and Spanish, written for this project.

Each body item pairs the English text with its Spanish translation, so the demo can build the
English page and hand wagtail-localize the matching translations in one pass. The texts are
general patient education, reviewed for plain, accurate wording.
"""

# Body items: ("heading", en, es), ("paragraph", en, es), ("list", [(en, es), ...]),
# ("disclaimer", en, es), ("quote", en, es, attribution), ("book", heading_en, heading_es, text_en, text_es),
# ("image", key of `blog.demo_images.ILLUSTRATIONS`)

# Authors and reviewers are the network's demo people (`network.demo_people`), named by key.

DISCLAIMER = (
    "This article is general information, not medical advice. Talk to a clinician about your own symptoms before starting a new treatment.",
    "Este artículo es información general, no un consejo médico. Hable con un profesional de la salud sobre sus síntomas antes de empezar un tratamiento nuevo.",
)

RED_FLAGS = [
    (
        "Numbness in the groin or inner thighs, or new trouble controlling your bladder or bowels",
        "Adormecimiento en la ingle o la cara interna de los muslos, o dificultad nueva para controlar la vejiga o el intestino",
    ),
    (
        "Weakness in a leg or foot that is getting worse",
        "Debilidad en una pierna o un pie que va empeorando",
    ),
    (
        "Back pain with fever or feeling generally unwell",
        "Dolor de espalda con fiebre o malestar general",
    ),
    (
        "Pain after a serious fall or accident",
        "Dolor después de una caída o un accidente importante",
    ),
]

RED_FLAGS_HEADING = ("When to get urgent care", "Cuándo buscar atención urgente")
RED_FLAGS_INTRO = (
    "Go to an emergency department or call 911 if you have any of these:",
    "Acuda a urgencias o llame al 911 si tiene alguno de estos síntomas:",
)

# Articles: slug, Spanish slug, date, authors, reviewer, last reviewed, topic slugs, related
# (curated, by slug), how many demo centres to relate, featured, title, introduction, body.
ARTICLES = [
    {
        "slug": "therapeutic-massage-for-back-pain",
        "slug_es": "masaje-terapeutico-para-el-dolor-de-espalda",
        "date": "2026-11-02",
        "authors": ["jordan-ellis", "priya-nair"],
        "reviewer": "elena-marsh",
        "last_reviewed": "2026-10-25",
        "topics": ["low-back-pain", "therapeutic-massage", "physical-therapy"],
        "related": ["first-physical-therapy-visit", "back-strain-after-sport"],
        "centres": 2,
        "featured": True,
        "title": (
            "Therapeutic massage for back pain: what to expect",
            "Masaje terapéutico para el dolor de espalda: qué esperar",
        ),
        "introduction": (
            "Therapeutic massage is one of the gentlest ways to ease a painful, tight back. Here is what it can help with, what happens during a session and how it fits with the rest of your care.",
            "El masaje terapéutico es una de las formas más suaves de aliviar una espalda tensa y dolorida. Le explicamos en qué puede ayudar, qué ocurre en una sesión y cómo encaja con el resto de su tratamiento.",
        ),
        "body": [
            ("heading", "What this can help with", "En qué puede ayudar"),
            (
                "paragraph",
                "Massage works on muscles and the tissue around them. It is most useful when tight or guarded muscles are part of the problem, which is the case for most people with back pain.",
                "El masaje actúa sobre los músculos y el tejido que los rodea. Es más útil cuando la tensión o la contractura muscular forma parte del problema, como ocurre en la mayoría de las personas con dolor de espalda.",
            ),
            (
                "list",
                [
                    (
                        "Muscle spasm after a strain or a long day of lifting",
                        "Espasmos musculares después de una distensión o de un día largo cargando peso",
                    ),
                    (
                        "Stiffness that makes it hard to bend, turn or sleep",
                        "Rigidez que dificulta agacharse, girarse o dormir",
                    ),
                    (
                        "Tension that builds up with stress or long hours at a desk",
                        "Tensión acumulada por el estrés o por muchas horas frente a un escritorio",
                    ),
                    (
                        "Moving more comfortably so you can do your exercises",
                        "Moverse con más comodidad para poder hacer sus ejercicios",
                    ),
                ],
            ),
            (
                "paragraph",
                "Massage does not fix a herniated disc or narrowing of the spine, but it can make the muscles around them calmer and your other treatment easier to follow.",
                "El masaje no corrige una hernia de disco ni el estrechamiento de la columna, pero puede relajar los músculos de alrededor y hacer más fácil seguir el resto del tratamiento.",
            ),
            ("heading", "Before your first session", "Antes de la primera sesión"),
            (
                "paragraph",
                "Your therapist will ask where it hurts, how long it has hurt, what makes it better or worse and which medicines you take. Tell them about blood thinners, recent surgery, pregnancy or skin problems, because these change how they work.",
                "Su terapeuta le preguntará dónde le duele, desde cuándo, qué lo mejora o lo empeora y qué medicamentos toma. Cuéntele si toma anticoagulantes, si ha tenido una cirugía reciente, si está embarazada o si tiene problemas de piel, porque eso cambia la forma de trabajar.",
            ),
            ("heading", "During the session", "Durante la sesión"),
            (
                "list",
                [
                    (
                        "A session usually lasts 30 to 60 minutes.",
                        "Una sesión suele durar entre 30 y 60 minutos.",
                    ),
                    (
                        "You undress only as far as you are comfortable; you stay covered with a sheet.",
                        "Se desviste solo hasta donde se sienta cómodo; permanece cubierto con una sábana.",
                    ),
                    (
                        "Pressure should feel firm but never sharp. Say so at any moment if it is too much.",
                        "La presión debe sentirse firme, pero nunca punzante. Dígalo en cualquier momento si es demasiado.",
                    ),
                    (
                        "The therapist may also work on the hips and buttocks, which often tighten with back pain.",
                        "El terapeuta puede trabajar también las caderas y los glúteos, que suelen tensarse con el dolor de espalda.",
                    ),
                ],
            ),
            ("heading", "Afterwards", "Después"),
            (
                "paragraph",
                "Mild soreness for a day or two is normal, much like after exercise. Drink water, keep moving gently and try a short walk the same day. Most people notice the most benefit after several sessions combined with exercise.",
                "Es normal sentir algo de molestia durante uno o dos días, como después de hacer ejercicio. Beba agua, siga moviéndose con suavidad y dé un paseo corto ese mismo día. La mayoría de las personas nota el mayor beneficio tras varias sesiones combinadas con ejercicio.",
            ),
            (
                "quote",
                "Massage opens a window: the back hurts less for a while. We use that window to get people moving again.",
                "El masaje abre una ventana: la espalda duele menos durante un tiempo. Aprovechamos esa ventana para que la persona vuelva a moverse.",
                "Jordan Ellis, LMT",
            ),
            (
                "book",
                "Book a massage assessment",
                "Reserve una valoración de masaje",
                "Our therapists work alongside physicians and physical therapists, so your massage is part of one plan.",
                "Nuestros terapeutas trabajan junto a médicos y fisioterapeutas, así que su masaje forma parte de un solo plan.",
            ),
            ("heading", "Who should wait or check first", "Quién debe esperar o consultar antes"),
            (
                "paragraph",
                "Avoid massage over a recent injury that is swollen or bruised, an area with a blood clot, or skin that is broken or infected. If your pain came with any of the warning signs below, see a doctor first.",
                "Evite el masaje sobre una lesión reciente inflamada o amoratada, una zona con un coágulo o piel lastimada o infectada. Si su dolor apareció con alguna de las señales de alarma siguientes, consulte primero a un médico.",
            ),
            "red_flags",
            ("disclaimer", *DISCLAIMER),
        ],
    },
    {
        "slug": "sciatica-explained",
        "slug_es": "la-ciatica-explicada",
        "date": "2026-10-20",
        "authors": ["priya-nair"],
        "reviewer": "elena-marsh",
        "last_reviewed": "2026-10-12",
        "topics": ["sciatica", "herniated-disc", "physical-therapy"],
        "related": ["herniated-disc-without-surgery", "epidural-steroid-injections-questions"],
        "centres": 1,
        "featured": True,
        "title": (
            "Sciatica: why your leg hurts when the problem is in your back",
            "Ciática: por qué le duele la pierna si el problema está en la espalda",
        ),
        "introduction": (
            "Sciatica is pain that follows the sciatic nerve from the lower back down one leg. Understanding where it comes from makes the treatment easier to follow.",
            "La ciática es un dolor que sigue el nervio ciático desde la zona lumbar por una pierna. Entender de dónde viene ayuda a seguir mejor el tratamiento.",
        ),
        "body": [
            ("heading", "Where the pain comes from", "De dónde viene el dolor"),
            (
                "paragraph",
                "The sciatic nerve is formed by nerve roots that leave the spine in the lower back. When one of those roots is pressed or irritated, most often by a bulging disc, the brain feels pain along the whole path of the nerve, down the buttock and the back of the leg.",
                "El nervio ciático está formado por raíces nerviosas que salen de la columna en la zona lumbar. Cuando una de esas raíces se comprime o se irrita, casi siempre por un disco abultado, el cerebro siente dolor a lo largo de todo el recorrido del nervio, por el glúteo y la parte posterior de la pierna.",
            ),
            ("image", "sciatica"),
            ("heading", "Typical signs", "Síntomas habituales"),
            (
                "list",
                [
                    (
                        "Burning or electric pain below the knee, often worse than the back pain",
                        "Dolor quemante o como una descarga por debajo de la rodilla, a menudo peor que el de la espalda",
                    ),
                    (
                        "Tingling or numbness in the foot or toes",
                        "Hormigueo o adormecimiento en el pie o los dedos",
                    ),
                    (
                        "Pain that gets worse when you sit, cough or sneeze",
                        "Dolor que empeora al sentarse, toser o estornudar",
                    ),
                ],
            ),
            ("heading", "The good news", "La buena noticia"),
            (
                "paragraph",
                "Most sciatica settles within six to twelve weeks. Staying as active as the pain allows, short walks, and exercises from a physical therapist help more than bed rest. Medicines can take the edge off while the nerve calms down.",
                "La mayoría de los casos de ciática mejoran en seis a doce semanas. Mantenerse tan activo como el dolor lo permita, caminar un poco y hacer los ejercicios que indique un fisioterapeuta ayuda más que el reposo en cama. Los medicamentos pueden aliviar el dolor mientras el nervio se calma.",
            ),
            (
                "paragraph",
                "When the pain is severe or lasts, a physician may suggest an epidural steroid injection. Surgery is considered only when pain persists despite good treatment, or when there is weakness.",
                "Cuando el dolor es intenso o persiste, el médico puede proponer una inyección epidural de corticoides. La cirugía solo se plantea cuando el dolor continúa a pesar de un buen tratamiento o cuando aparece debilidad.",
            ),
            "red_flags",
            ("book", "", "", "", ""),
            ("disclaimer", *DISCLAIMER),
        ],
    },
    {
        "slug": "herniated-disc-without-surgery",
        "slug_es": "hernia-de-disco-sin-cirugia",
        "date": "2026-10-06",
        "authors": ["marcus-bell"],
        "reviewer": "elena-marsh",
        "last_reviewed": "2026-09-27",
        "topics": ["herniated-disc", "sciatica", "spine-surgery-consult"],
        "related": ["sciatica-explained"],
        "centres": 0,
        "featured": False,
        "title": (
            "Herniated disc: most people get better without surgery",
            "Hernia de disco: la mayoría de las personas mejora sin cirugía",
        ),
        "introduction": (
            "Hearing the words “herniated disc” is frightening, but the outlook is usually good. Here is what the diagnosis means and how it is treated.",
            "Escuchar “hernia de disco” asusta, pero el pronóstico suele ser bueno. Le explicamos qué significa el diagnóstico y cómo se trata.",
        ),
        "body": [
            ("heading", "What a herniated disc is", "Qué es una hernia de disco"),
            (
                "paragraph",
                "Discs are the cushions between the bones of the spine. Each has a tough outer ring and a soft center. A herniation happens when part of the center pushes through the ring and presses on a nearby nerve.",
                "Los discos son los cojines que hay entre las vértebras. Cada uno tiene un anillo exterior resistente y un centro blando. La hernia se produce cuando parte del centro atraviesa el anillo y presiona un nervio cercano.",
            ),
            ("image", "herniated-disc"),
            (
                "paragraph",
                "Many people have disc bulges on a scan without any pain at all, so the scan is only one part of the picture. Your symptoms and examination matter just as much.",
                "Muchas personas tienen discos abultados en una resonancia sin ningún dolor, así que la imagen es solo una parte del diagnóstico. Sus síntomas y la exploración importan igual.",
            ),
            ("heading", "How it heals", "Cómo se cura"),
            (
                "paragraph",
                "Over weeks to months, the body often shrinks the herniated material on its own and the nerve recovers. Treatment aims to control pain and keep you moving while that happens.",
                "Con el paso de semanas o meses, el cuerpo suele reabsorber por sí solo el material herniado y el nervio se recupera. El tratamiento busca controlar el dolor y mantenerle activo mientras tanto.",
            ),
            (
                "list",
                [
                    (
                        "Physical therapy and a graded return to activity",
                        "Fisioterapia y una vuelta gradual a la actividad",
                    ),
                    (
                        "Anti-inflammatory or nerve pain medicines, if suitable for you",
                        "Antiinflamatorios o medicamentos para el dolor neuropático, si son adecuados para usted",
                    ),
                    (
                        "An epidural steroid injection for severe leg pain",
                        "Una inyección epidural de corticoides para el dolor intenso de pierna",
                    ),
                ],
            ),
            ("heading", "When surgery is discussed", "Cuándo se habla de cirugía"),
            (
                "paragraph",
                "A surgeon's opinion is worth having if leg pain is still disabling after about six weeks of good care, if weakness is increasing, or straight away if any warning sign appears.",
                "Conviene pedir la opinión de un cirujano si el dolor de pierna sigue siendo incapacitante tras unas seis semanas de buen tratamiento, si la debilidad aumenta, o de inmediato si aparece alguna señal de alarma.",
            ),
            "red_flags",
            ("disclaimer", *DISCLAIMER),
        ],
    },
    {
        "slug": "desk-habits-for-neck-pain",
        "slug_es": "habitos-de-escritorio-para-el-dolor-de-cuello",
        "date": "2026-09-22",
        "authors": ["priya-nair", "daniel-okafor"],
        "reviewer": "elena-marsh",
        "last_reviewed": "2026-09-14",
        "topics": ["neck-pain", "work-injuries", "physical-therapy"],
        "related": ["hurt-your-back-at-work"],
        "centres": 0,
        "featured": True,
        "title": (
            "Five desk habits that ease neck pain",
            "Cinco hábitos de escritorio que alivian el dolor de cuello",
        ),
        "introduction": (
            "Long hours at a screen are a common reason for a stiff, sore neck. Small changes to how you sit and move add up quickly.",
            "Pasar muchas horas frente a una pantalla es una causa frecuente de cuello rígido y dolorido. Pequeños cambios en la forma de sentarse y moverse suman rápido.",
        ),
        "body": [
            ("heading", "1. Bring the screen to you", "1. Acerque la pantalla"),
            (
                "paragraph",
                "Set the top of the screen at about eye level and an arm's length away. On a laptop, a stand and a separate keyboard stop you from looking down all day.",
                "Coloque la parte superior de la pantalla a la altura de los ojos y a un brazo de distancia. Con un portátil, un soporte y un teclado aparte evitan que mire hacia abajo todo el día.",
            ),
            ("image", "desk"),
            ("heading", "2. Support your back", "2. Apoye la espalda"),
            (
                "paragraph",
                "Sit back in the chair so it supports your lower back. When the lower back is supported, the head balances more easily over the shoulders.",
                "Siéntese al fondo de la silla para que le sostenga la zona lumbar. Con la parte baja de la espalda apoyada, la cabeza se equilibra con más facilidad sobre los hombros.",
            ),
            ("heading", "3. Move every 30 minutes", "3. Muévase cada 30 minutos"),
            (
                "paragraph",
                "No posture is perfect for eight hours. Stand up, roll your shoulders and look away from the screen for a minute. A reminder on your phone helps.",
                "Ninguna postura es perfecta durante ocho horas. Levántese, mueva los hombros en círculos y aparte la vista de la pantalla un minuto. Un recordatorio en el teléfono ayuda.",
            ),
            ("heading", "4. Try two simple stretches", "4. Pruebe dos estiramientos sencillos"),
            (
                "list",
                [
                    (
                        "Chin tucks: gently slide your chin straight back, hold for five seconds, repeat ten times.",
                        "Retracción de barbilla: lleve la barbilla suavemente hacia atrás, mantenga cinco segundos y repita diez veces.",
                    ),
                    (
                        "Shoulder blade squeeze: draw the shoulder blades together and down, hold for five seconds.",
                        "Junte los omóplatos: llévelos hacia atrás y hacia abajo y mantenga cinco segundos.",
                    ),
                ],
            ),
            ("heading", "5. Watch the phone", "5. Cuidado con el móvil"),
            (
                "paragraph",
                "Hold your phone higher rather than bending your head down to it, and use headphones for long calls instead of holding the phone with your shoulder.",
                "Sostenga el teléfono más alto en lugar de inclinar la cabeza hacia él, y use auriculares en las llamadas largas en vez de sujetar el teléfono con el hombro.",
            ),
            (
                "paragraph",
                "If pain spreads into an arm, or you notice numbness or weakness in the hand, ask for an assessment rather than waiting.",
                "Si el dolor se extiende a un brazo o nota adormecimiento o debilidad en la mano, pida una valoración en lugar de esperar.",
            ),
            ("disclaimer", *DISCLAIMER),
        ],
    },
    {
        "slug": "epidural-steroid-injections-questions",
        "slug_es": "preguntas-sobre-inyecciones-epidurales",
        "date": "2026-09-08",
        "authors": ["marcus-bell"],
        "reviewer": "elena-marsh",
        "last_reviewed": "2026-09-01",
        "topics": ["epidural-injections", "sciatica", "spinal-stenosis"],
        "related": ["sciatica-explained", "living-with-spinal-stenosis"],
        "centres": 2,
        "featured": False,
        "title": (
            "Epidural steroid injections: questions patients ask",
            "Inyecciones epidurales de corticoides: las preguntas de los pacientes",
        ),
        "introduction": (
            "An epidural steroid injection places anti-inflammatory medicine close to an irritated nerve. These are the questions we hear most often before the procedure.",
            "Una inyección epidural de corticoides coloca un medicamento antiinflamatorio cerca de un nervio irritado. Estas son las preguntas que más escuchamos antes del procedimiento.",
        ),
        "body": [
            ("heading", "Who is it for?", "¿Para quién es?"),
            (
                "paragraph",
                "It is mainly used for nerve pain that travels into an arm or leg, from a herniated disc or spinal stenosis, when exercise and medicines have not been enough.",
                "Se usa sobre todo para el dolor nervioso que baja a un brazo o una pierna, por una hernia de disco o una estenosis espinal, cuando el ejercicio y los medicamentos no han sido suficientes.",
            ),
            ("heading", "Does it hurt?", "¿Duele?"),
            (
                "paragraph",
                "The skin is numbed first. Most people feel pressure and a brief ache. The physician uses live X-ray guidance to place the needle precisely, and the procedure takes about fifteen minutes.",
                "Primero se anestesia la piel. La mayoría de las personas siente presión y una molestia breve. El médico usa rayos X en tiempo real para colocar la aguja con precisión, y el procedimiento dura unos quince minutos.",
            ),
            ("heading", "How long does relief last?", "¿Cuánto dura el alivio?"),
            (
                "paragraph",
                "Relief usually starts within a few days and can last weeks to months. It works best as a window to make progress with physical therapy, not as a treatment on its own.",
                "El alivio suele empezar en pocos días y puede durar de semanas a meses. Funciona mejor como una ventana para avanzar con la fisioterapia, no como un tratamiento aislado.",
            ),
            ("heading", "What should I tell the team?", "¿Qué debo decirle al equipo?"),
            (
                "list",
                [
                    (
                        "If you take blood thinners; some must be paused, only with your prescriber's agreement",
                        "Si toma anticoagulantes; algunos deben suspenderse, siempre de acuerdo con quien se los recetó",
                    ),
                    (
                        "If you have diabetes, because steroids can raise blood sugar for a few days",
                        "Si tiene diabetes, porque los corticoides pueden subir el azúcar en sangre durante unos días",
                    ),
                    (
                        "If you could be pregnant, or have an infection or fever",
                        "Si podría estar embarazada, o si tiene una infección o fiebre",
                    ),
                ],
            ),
            (
                "paragraph",
                "Plan for someone to drive you home, and take it easy for the rest of the day.",
                "Organice que alguien le lleve a casa y descanse el resto del día.",
            ),
            ("book", "Talk to a pain specialist", "Hable con un especialista en dolor", "", ""),
            ("disclaimer", *DISCLAIMER),
        ],
    },
    {
        "slug": "living-with-spinal-stenosis",
        "slug_es": "vivir-con-estenosis-espinal",
        "date": "2026-08-25",
        "authors": ["elena-marsh"],
        "reviewer": "marcus-bell",
        "last_reviewed": "2026-08-18",
        "topics": ["spinal-stenosis", "physical-therapy", "pain-management"],
        "related": ["epidural-steroid-injections-questions"],
        "centres": 0,
        "featured": False,
        "title": (
            "Living with spinal stenosis: staying active",
            "Vivir con estenosis espinal: mantenerse activo",
        ),
        "introduction": (
            "Spinal stenosis is a narrowing of the space around the nerves, common after the age of sixty. With the right habits, most people keep doing what they enjoy.",
            "La estenosis espinal es un estrechamiento del espacio que rodea los nervios, frecuente a partir de los sesenta años. Con los hábitos adecuados, la mayoría de las personas sigue haciendo lo que le gusta.",
        ),
        "body": [
            (
                "heading",
                "Why walking hurts and sitting helps",
                "Por qué duele caminar y sentarse alivia",
            ),
            (
                "paragraph",
                "Standing straight narrows the spinal canal a little more, so the legs may ache, feel heavy or tingle after walking for a while. Bending forward, as when leaning on a shopping cart or sitting down, opens the canal and eases the symptoms.",
                "Al estar de pie y erguido, el canal espinal se estrecha un poco más, por lo que las piernas pueden doler, pesar u hormiguear después de caminar un rato. Inclinarse hacia delante, como al apoyarse en un carrito de la compra o al sentarse, abre el canal y alivia los síntomas.",
            ),
            ("heading", "What helps", "Qué ayuda"),
            (
                "list",
                [
                    (
                        "A stationary bike, which lets you exercise while leaning forward",
                        "La bicicleta estática, que permite hacer ejercicio inclinado hacia delante",
                    ),
                    (
                        "Exercises that strengthen the core and hips, guided by a physical therapist",
                        "Ejercicios para fortalecer el abdomen y las caderas, guiados por un fisioterapeuta",
                    ),
                    (
                        "Walking in short, regular sessions with rests",
                        "Caminar en tramos cortos y regulares, con descansos",
                    ),
                    (
                        "Pain medicines or injections to make exercise possible",
                        "Medicamentos o inyecciones para el dolor que hagan posible el ejercicio",
                    ),
                ],
            ),
            ("heading", "When to think about surgery", "Cuándo pensar en la cirugía"),
            (
                "paragraph",
                "Surgery to widen the canal can help when walking distance keeps shrinking despite treatment, or when weakness appears. It is a decision to make with your physician, weighing your health and goals.",
                "La cirugía para ampliar el canal puede ayudar cuando la distancia que puede caminar se reduce cada vez más a pesar del tratamiento, o cuando aparece debilidad. Es una decisión que se toma con su médico, según su salud y sus objetivos.",
            ),
            "red_flags",
            ("disclaimer", *DISCLAIMER),
        ],
    },
    {
        "slug": "radiofrequency-ablation-for-arthritis",
        "slug_es": "ablacion-por-radiofrecuencia-para-la-artritis",
        "date": "2026-08-11",
        "authors": ["marcus-bell"],
        "reviewer": "elena-marsh",
        "last_reviewed": "2026-08-02",
        "topics": ["arthritis", "radiofrequency-ablation", "pain-management"],
        "related": [],
        "centres": 1,
        "featured": False,
        "title": (
            "Radiofrequency ablation for arthritis pain in the spine",
            "Ablación por radiofrecuencia para el dolor de artritis en la columna",
        ),
        "introduction": (
            "When worn facet joints cause lasting back or neck pain, radiofrequency ablation can quiet the small nerves that carry that pain for many months.",
            "Cuando el desgaste de las articulaciones facetarias causa dolor persistente de espalda o cuello, la ablación por radiofrecuencia puede calmar durante muchos meses los pequeños nervios que transmiten ese dolor.",
        ),
        "body": [
            ("heading", "Finding the source first", "Primero, encontrar el origen"),
            (
                "paragraph",
                "Before ablation, your physician confirms that the facet joints are the source of pain with a test injection of numbing medicine. If the pain clearly improves for a few hours, ablation is likely to help.",
                "Antes de la ablación, el médico confirma que el dolor viene de las articulaciones facetarias con una inyección de prueba de anestésico. Si el dolor mejora claramente durante unas horas, es probable que la ablación ayude.",
            ),
            ("heading", "The procedure", "El procedimiento"),
            (
                "paragraph",
                "Using X-ray guidance, thin needles are placed next to the nerves of the painful joints. A gentle current heats the tip and stops those nerves from sending pain signals. You go home the same day.",
                "Con guía de rayos X, se colocan agujas finas junto a los nervios de las articulaciones dolorosas. Una corriente suave calienta la punta e impide que esos nervios envíen señales de dolor. Vuelve a casa el mismo día.",
            ),
            ("heading", "What to expect", "Qué esperar"),
            (
                "list",
                [
                    (
                        "Soreness at the site for one to two weeks",
                        "Molestia en la zona durante una o dos semanas",
                    ),
                    (
                        "Relief that builds over two to four weeks",
                        "Un alivio que aumenta a lo largo de dos a cuatro semanas",
                    ),
                    (
                        "Benefit that often lasts six months to a year or more",
                        "Un beneficio que suele durar de seis meses a un año o más",
                    ),
                ],
            ),
            (
                "paragraph",
                "The nerves can regrow, and the procedure can be repeated if it helped the first time. Staying active and strengthening the back make the benefit last longer.",
                "Los nervios pueden regenerarse, y el procedimiento puede repetirse si funcionó la primera vez. Mantenerse activo y fortalecer la espalda prolonga el beneficio.",
            ),
            ("disclaimer", *DISCLAIMER),
        ],
    },
    {
        "slug": "back-strain-after-sport",
        "slug_es": "distension-de-espalda-por-deporte",
        "date": "2026-07-28",
        "authors": ["priya-nair"],
        "reviewer": "elena-marsh",
        "last_reviewed": "2026-07-20",
        "topics": ["sports-injuries", "low-back-pain", "physical-therapy", "therapeutic-massage"],
        "related": ["therapeutic-massage-for-back-pain"],
        "centres": 0,
        "featured": False,
        "title": (
            "Back to the game: recovering from a back strain",
            "De vuelta al juego: cómo recuperarse de una distensión de espalda",
        ),
        "introduction": (
            "A back strain from sport hurts a lot but usually heals well. The key is to keep moving and build back up in steps.",
            "Una distensión de espalda por hacer deporte duele mucho, pero suele curarse bien. La clave es seguir moviéndose y volver a la actividad por etapas.",
        ),
        "body": [
            ("heading", "The first few days", "Los primeros días"),
            (
                "paragraph",
                "Gentle movement beats rest. Walk a little several times a day, use heat if it feels good, and avoid the movement that caused the injury for now.",
                "El movimiento suave es mejor que el reposo. Camine un poco varias veces al día, aplique calor si le sienta bien y, por ahora, evite el movimiento que causó la lesión.",
            ),
            ("heading", "A step-by-step return", "Una vuelta paso a paso"),
            (
                "list",
                [
                    (
                        "Walk and do easy mobility exercises without pain",
                        "Caminar y hacer ejercicios suaves de movilidad sin dolor",
                    ),
                    (
                        "Add core and hip strengthening",
                        "Añadir fortalecimiento del abdomen y las caderas",
                    ),
                    (
                        "Jog, then add turning and jumping at low intensity",
                        "Trotar y después añadir giros y saltos a baja intensidad",
                    ),
                    (
                        "Return to training, then to competition",
                        "Volver a entrenar y después a competir",
                    ),
                ],
            ),
            (
                "paragraph",
                "Move to the next step when the current one causes no more than mild discomfort that settles by the next morning.",
                "Pase a la siguiente etapa cuando la actual no le cause más que una molestia leve que desaparezca a la mañana siguiente.",
            ),
            (
                "paragraph",
                "Young athletes with back pain that lasts more than two weeks, especially with arching movements, should be checked for a stress injury of the spine.",
                "Los deportistas jóvenes con dolor de espalda que dura más de dos semanas, sobre todo al arquear la espalda, deben ser evaluados por si tienen una lesión por estrés en la columna.",
            ),
            ("book", "", "", "", ""),
            ("disclaimer", *DISCLAIMER),
        ],
    },
    {
        "slug": "hurt-your-back-at-work",
        "slug_es": "se-lesiono-la-espalda-en-el-trabajo",
        "date": "2026-07-14",
        "authors": ["daniel-okafor"],
        "reviewer": "marcus-bell",
        "last_reviewed": "2026-07-08",
        "topics": ["work-injuries", "low-back-pain", "pain-management"],
        "related": ["desk-habits-for-neck-pain"],
        "centres": 1,
        "featured": False,
        "title": (
            "Hurt your back at work? Your first steps",
            "¿Se lesionó la espalda en el trabajo? Sus primeros pasos",
        ),
        "introduction": (
            "A back injury at work raises medical and practical questions at the same time. This checklist helps you with both.",
            "Una lesión de espalda en el trabajo plantea a la vez preguntas médicas y prácticas. Esta lista le ayuda con ambas.",
        ),
        "body": [
            ("heading", "Right away", "De inmediato"),
            (
                "list",
                [
                    (
                        "Tell your supervisor the same day, even if the pain seems minor",
                        "Avise a su supervisor el mismo día, aunque el dolor parezca leve",
                    ),
                    (
                        "Write down what happened, when and who saw it",
                        "Anote qué pasó, cuándo y quién lo vio",
                    ),
                    (
                        "Get seen by a clinician and mention that it happened at work",
                        "Acuda a un profesional de la salud y mencione que ocurrió en el trabajo",
                    ),
                ],
            ),
            ("heading", "Looking after your back", "Cuidar la espalda"),
            (
                "paragraph",
                "Most work-related back pain improves with activity, simple pain relief and, when needed, physical therapy. Staying in touch with work and returning with lighter duties often speeds recovery.",
                "La mayoría del dolor de espalda relacionado con el trabajo mejora con actividad, analgésicos sencillos y, si hace falta, fisioterapia. Mantener el contacto con el trabajo y volver con tareas más ligeras suele acelerar la recuperación.",
            ),
            ("heading", "Paperwork", "Trámites"),
            (
                "paragraph",
                "Many of our centers accept workers' compensation. Bring your claim number and your employer's insurance details to your first visit, and we will handle the reports your case needs.",
                "Muchos de nuestros centros aceptan la compensación laboral. Traiga su número de reclamación y los datos del seguro de su empleador a la primera visita, y nos ocuparemos de los informes que necesite su caso.",
            ),
            "red_flags",
            ("book", "", "", "", ""),
            ("disclaimer", *DISCLAIMER),
        ],
    },
    {
        "slug": "first-physical-therapy-visit",
        "slug_es": "primera-visita-de-fisioterapia",
        "date": "2026-06-30",
        "authors": ["priya-nair"],
        "reviewer": "elena-marsh",
        "last_reviewed": "2026-06-24",
        "topics": ["physical-therapy", "low-back-pain", "neck-pain"],
        "related": ["therapeutic-massage-for-back-pain"],
        "centres": 0,
        "featured": False,
        "title": (
            "What happens at your first physical therapy visit",
            "Qué ocurre en su primera visita de fisioterapia",
        ),
        "introduction": (
            "Knowing what to expect makes a first physical therapy visit less daunting. Here is how it usually goes.",
            "Saber qué esperar hace que la primera visita de fisioterapia imponga menos. Así suele transcurrir.",
        ),
        "body": [
            ("heading", "The conversation", "La conversación"),
            (
                "paragraph",
                "Your therapist starts by asking about your pain, your daily routine and what you want to get back to, whether that is lifting your grandchild or finishing a shift without pain.",
                "Su fisioterapeuta empieza preguntando por su dolor, su rutina diaria y lo que quiere volver a hacer, ya sea cargar a su nieto o terminar un turno sin dolor.",
            ),
            ("image", "stretch"),
            ("heading", "The examination", "La exploración"),
            (
                "paragraph",
                "They watch how you move, test strength, flexibility and nerve function, and may gently press on the back to find sore areas. Wear comfortable clothes you can move in.",
                "Observa cómo se mueve, evalúa la fuerza, la flexibilidad y la función de los nervios, y puede presionar suavemente la espalda para localizar las zonas doloridas. Lleve ropa cómoda con la que pueda moverse.",
            ),
            ("heading", "Your plan", "Su plan"),
            (
                "list",
                [
                    (
                        "A few exercises to do at home, usually ten to fifteen minutes a day",
                        "Unos pocos ejercicios para hacer en casa, normalmente de diez a quince minutos al día",
                    ),
                    (
                        "Hands-on treatment when it helps you move",
                        "Tratamiento manual cuando le ayuda a moverse",
                    ),
                    (
                        "Advice on sleep, sitting and lifting",
                        "Consejos sobre el sueño, la postura sentada y cómo cargar peso",
                    ),
                    (
                        "A goal and a rough timeline, often four to eight weeks",
                        "Un objetivo y un plazo aproximado, a menudo de cuatro a ocho semanas",
                    ),
                ],
            ),
            (
                "paragraph",
                "Doing the home exercises is what makes the biggest difference. Tell your therapist if an exercise hurts, so they can adjust it.",
                "Hacer los ejercicios en casa es lo que marca la mayor diferencia. Avise a su fisioterapeuta si un ejercicio le duele, para que pueda ajustarlo.",
            ),
            ("book", "", "", "", ""),
            ("disclaimer", *DISCLAIMER),
        ],
    },
    {
        "slug": "chiropractic-care-what-to-know",
        "slug_es": "quiropractica-lo-que-debe-saber",
        "date": "2026-06-16",
        "authors": ["sofia-ramirez"],
        "reviewer": "elena-marsh",
        "last_reviewed": "2026-06-07",
        "topics": ["chiropractic-care", "low-back-pain", "neck-pain"],
        "related": [],
        "centres": 0,
        "featured": False,
        "title": (
            "Chiropractic care: what to know before you go",
            "Quiropráctica: lo que debe saber antes de ir",
        ),
        "introduction": (
            "Spinal manipulation can ease some kinds of back and neck pain in the short term. It works best as part of a plan that keeps you active.",
            "La manipulación de la columna puede aliviar a corto plazo algunos tipos de dolor de espalda y cuello. Funciona mejor como parte de un plan que le mantenga activo.",
        ),
        "body": [
            ("heading", "What it can help with", "En qué puede ayudar"),
            (
                "paragraph",
                "For recent low back pain and some kinds of neck pain, manipulation and mobilization can reduce pain and stiffness, with results similar to other first treatments such as exercise.",
                "En el dolor lumbar reciente y algunos tipos de dolor de cuello, la manipulación y la movilización pueden reducir el dolor y la rigidez, con resultados parecidos a otros tratamientos iniciales como el ejercicio.",
            ),
            ("heading", "What a visit looks like", "Cómo es una visita"),
            (
                "list",
                [
                    (
                        "Questions about your health and an examination",
                        "Preguntas sobre su salud y una exploración",
                    ),
                    (
                        "Gentle mobilization or a quick adjustment, only with your consent",
                        "Movilización suave o un ajuste rápido, siempre con su consentimiento",
                    ),
                    (
                        "Exercises and advice to keep the benefit going",
                        "Ejercicios y consejos para mantener el beneficio",
                    ),
                ],
            ),
            ("heading", "Is it safe?", "¿Es seguro?"),
            (
                "paragraph",
                "Temporary soreness is common. Serious problems are rare, but manipulation is not suitable for everyone: people with osteoporosis, some blood vessel problems or nerve symptoms such as weakness need a different approach. A good chiropractor will ask and adapt.",
                "Es habitual sentir molestias pasajeras. Los problemas graves son raros, pero la manipulación no es adecuada para todos: las personas con osteoporosis, algunos problemas de los vasos sanguíneos o síntomas nerviosos como debilidad necesitan otro enfoque. Un buen quiropráctico lo preguntará y se adaptará.",
            ),
            ("disclaimer", *DISCLAIMER),
        ],
    },
    {
        "slug": "acupuncture-for-chronic-back-pain",
        "slug_es": "acupuntura-para-el-dolor-de-espalda-cronico",
        "date": "2026-06-02",
        "authors": ["daniel-okafor"],
        "reviewer": "marcus-bell",
        "last_reviewed": "2026-05-25",
        "topics": ["acupuncture", "low-back-pain", "pain-management"],
        "related": ["therapeutic-massage-for-back-pain"],
        "centres": 0,
        "featured": False,
        "title": (
            "Acupuncture for chronic back pain",
            "Acupuntura para el dolor de espalda crónico",
        ),
        "introduction": (
            "For back pain that has lasted more than three months, acupuncture is one of several options that can add modest relief alongside exercise.",
            "Para el dolor de espalda que dura más de tres meses, la acupuntura es una de varias opciones que pueden aportar un alivio moderado junto al ejercicio.",
        ),
        "body": [
            ("heading", "What the research shows", "Lo que muestran los estudios"),
            (
                "paragraph",
                "Studies suggest acupuncture can reduce chronic low back pain a little more than usual care alone. The effect is modest, so we offer it as one part of a plan rather than a cure.",
                "Los estudios indican que la acupuntura puede reducir el dolor lumbar crónico algo más que la atención habitual sola. El efecto es moderado, por eso la ofrecemos como una parte del plan y no como una cura.",
            ),
            ("heading", "What a session involves", "En qué consiste una sesión"),
            (
                "list",
                [
                    (
                        "Very fine, single-use sterile needles",
                        "Agujas muy finas, estériles y de un solo uso",
                    ),
                    (
                        "Twenty to thirty minutes of rest with the needles in place",
                        "De veinte a treinta minutos de reposo con las agujas colocadas",
                    ),
                    (
                        "Usually a course of six to ten sessions",
                        "Normalmente un ciclo de seis a diez sesiones",
                    ),
                ],
            ),
            (
                "paragraph",
                "Most people feel a dull ache or tingling, not sharp pain. Tell your practitioner if you take blood thinners or have a pacemaker.",
                "La mayoría de las personas siente una molestia sorda o un hormigueo, no un dolor agudo. Avise a su terapeuta si toma anticoagulantes o lleva un marcapasos.",
            ),
            ("disclaimer", *DISCLAIMER),
        ],
    },
    {
        "slug": "when-back-pain-needs-urgent-care",
        "slug_es": "cuando-el-dolor-de-espalda-es-urgente",
        "date": "2026-05-19",
        "authors": ["elena-marsh"],
        "reviewer": "marcus-bell",
        "last_reviewed": "2025-12-04",
        "topics": ["low-back-pain", "sciatica", "spine-surgery-consult"],
        "related": ["sciatica-explained", "herniated-disc-without-surgery"],
        "centres": 0,
        "featured": False,
        "title": (
            "When back pain needs urgent care",
            "Cuándo el dolor de espalda necesita atención urgente",
        ),
        "introduction": (
            "Almost all back pain is not dangerous and improves with time. A few symptoms, though, mean you should be seen the same day.",
            "Casi todo el dolor de espalda no es peligroso y mejora con el tiempo. Sin embargo, algunos síntomas indican que debe recibir atención ese mismo día.",
        ),
        "body": [
            (
                "paragraph",
                "These warning signs are uncommon, but knowing them means you will not lose time if they appear.",
                "Estas señales de alarma son poco frecuentes, pero conocerlas evita perder tiempo si aparecen.",
            ),
            "red_flags",
            ("heading", "See your doctor soon if", "Consulte pronto a su médico si"),
            (
                "list",
                [
                    (
                        "Pain keeps you awake night after night",
                        "El dolor no le deja dormir noche tras noche",
                    ),
                    ("You have lost weight without trying", "Ha perdido peso sin proponérselo"),
                    ("You have had cancer in the past", "Ha tenido cáncer en el pasado"),
                    (
                        "Pain is not improving at all after four to six weeks",
                        "El dolor no mejora nada después de cuatro a seis semanas",
                    ),
                ],
            ),
            ("heading", "Everything else", "Todo lo demás"),
            (
                "paragraph",
                "For ordinary back pain, keep moving, use heat or simple pain relief, and book a visit if it is not getting better within a couple of weeks.",
                "Para el dolor de espalda común, siga moviéndose, use calor o analgésicos sencillos y pida una cita si no mejora en un par de semanas.",
            ),
            ("book", "", "", "", ""),
            ("disclaimer", *DISCLAIMER),
        ],
    },
]
