import {
  cardTemplate,
  codeTemplate,
  imageTemplate,
  linkButton,
  linkReply,
  messageButton,
  messageReply,
  quickReplyTemplate,
  type TemplateObject,
} from './template.js';
import { assetPath } from '../assets/urls.js';

/** One FAQ entry of the demo tenant. `body` is the answer, in the Markdown subset the element renders. */
export interface FaqEntry {
  id: string;
  organizationId: 'shop' | 'school';
  title: string;
  /** Other ways visitors ask this question, indexed like the title ("Where is my order?" for order tracking). */
  askedAs?: string[];
  body: string;
  /** Entries offered as related questions after the answer. */
  related?: string[];
  /** Template events sent after the answer text (CONTRACT extension); pictures as `assetPath`s, made absolute per request. */
  templates?: TemplateObject[];
}

/** What each organization's help center covers, for the answer to a question none of its entries matches. */
export const OUT_OF_SCOPE_TOPICS: Record<FaqEntry['organizationId'], string> = {
  shop: '**orders, shipping, returns, payments** or **candle care**',
  school: '**admissions, fees, uniforms** or **term dates**',
};

export const TENANT = { clientId: 'a1b2c3d4e5f6a7b8c9d0e1f2', name: 'Lumen Help Center' };

/**
 * The demo tenant serves two organizations: "shop" (Lumen & Oak, a candle and home-goods web shop — the demo page)
 * and "school" (Northbridge Academy, which buys its uniforms and supplies through the same help desk). The demo
 * page asks with `organizationId: 'shop'`, so it is never answered from the school's FAQ.
 */
export const FAQ: FaqEntry[] = [
  // ---- shop: orders and shipping
  {
    id: 'shop-shipping-times',
    organizationId: 'shop',
    title: 'How long does shipping take?',
    body:
      'Standard shipping takes **3–5 business days** within the country. Express shipping arrives in 1–2 business days ' +
      'when you order before 2 pm. You will get a tracking number by email as soon as your parcel leaves our warehouse.',
    related: ['shop-shipping-costs', 'shop-track-order', 'shop-international'],
  },
  {
    id: 'shop-shipping-costs',
    organizationId: 'shop',
    title: 'How much does shipping cost?',
    body:
      'Shipping is **free on orders over $50**. Below that, standard shipping costs $4.95 and express shipping $12.95. ' +
      'Large furniture items ship with a flat $39 white-glove delivery fee.',
    related: ['shop-shipping-times', 'shop-international'],
  },
  {
    id: 'shop-track-order',
    organizationId: 'shop',
    title: 'How do I track my order?',
    askedAs: ['Where is my order?', 'My parcel has not arrived yet'],
    body:
      'Open the shipping confirmation email and click **Track parcel**, or sign in and go to ' +
      '[My orders](https://shop.example.com/account/orders). Tracking updates can take up to 24 hours to appear after dispatch.',
    related: ['shop-shipping-times', 'shop-order-status-widget'],
  },
  {
    id: 'shop-international',
    organizationId: 'shop',
    title: 'Do you ship internationally?',
    body:
      'Yes, we ship to the EU, the UK, Canada and Australia. International delivery takes 7–14 business days; ' +
      'import duties and taxes are paid by the recipient on delivery.',
    related: ['shop-shipping-costs', 'shop-shipping-times'],
  },
  {
    id: 'shop-returns',
    organizationId: 'shop',
    title: 'How do I return an item?',
    askedAs: ['How do I return a candle?', 'How do I send something back?'],
    body:
      'You can return most items within **30 days** of delivery. To start a return:\n\n' +
      '1. Sign in and open [My orders](https://shop.example.com/account/orders).\n' +
      '2. Choose **Return items** next to the order and pick the items.\n' +
      '3. Print the prepaid label and drop the parcel at any post office.\n\n' +
      'Read the full [returns policy](https://shop.example.com/help/returns) for items that cannot be returned.',
    related: ['shop-refund-time', 'shop-exchange', 'shop-damaged'],
  },
  {
    id: 'shop-refund-time',
    organizationId: 'shop',
    title: 'When will I get my refund?',
    body:
      'Refunds are issued to your original payment method within **5 business days** after the returned parcel reaches ' +
      'our warehouse. Your bank may take another 2–3 days to show the money.',
    related: ['shop-returns', 'shop-payment-methods'],
  },
  {
    id: 'shop-exchange',
    organizationId: 'shop',
    title: 'Can I exchange an item for a different size or colour?',
    body:
      'Yes. Start a return and choose **Exchange** instead of refund; we ship the replacement as soon as the original ' +
      'is scanned at the post office, so you do not wait for it to reach us.',
    related: ['shop-returns', 'shop-size-chart'],
  },
  {
    id: 'shop-damaged',
    organizationId: 'shop',
    title: 'My item arrived damaged or broken',
    body:
      'We are sorry! Take a photo of the damage and the packaging and send it through the ' +
      '[damage report form](https://shop.example.com/help/damage) within 7 days. We send a replacement or refund at no cost.',
    related: ['shop-returns', 'shop-contact'],
  },
  {
    id: 'shop-cancel-order',
    organizationId: 'shop',
    title: 'Can I cancel or change my order?',
    body:
      'Orders can be cancelled or changed within **1 hour** of purchase from [My orders](https://shop.example.com/account/orders). ' +
      'After that the order is being packed; you can still return it once it arrives.',
    related: ['shop-returns', 'shop-track-order'],
  },
  // ---- shop: candles
  {
    id: 'shop-candle-burn-time',
    organizationId: 'shop',
    title: 'How long does a candle burn?',
    askedAs: ['What is the burn time?'],
    body:
      'Our 8 oz candles burn for about **45 hours** and the 14 oz candles for about **80 hours**. Burn them 2–4 hours at a ' +
      'time and keep the wick trimmed to 5 mm to get every hour out of the wax.',
    related: ['shop-candle-tunneling', 'shop-candle-ingredients'],
  },
  {
    id: 'shop-candle-tunneling',
    organizationId: 'shop',
    title: 'Why is my candle tunneling or smoking?',
    askedAs: ['My candle only burns in the middle', 'The candle makes black smoke'],
    body:
      'A candle tunnels when it is put out before the melted wax reaches the edge: the **first burn should last until the ' +
      'whole surface is liquid** (about one hour per inch of width). Black smoke means the wick is too long — put the ' +
      'candle out, let it cool and trim the wick to 5 mm.',
    related: ['shop-candle-burn-time', 'shop-damaged'],
  },
  {
    id: 'shop-candle-ingredients',
    organizationId: 'shop',
    title: 'What are your candles made of? Are the scents safe for pets?',
    askedAs: ['Which wax and wicks do you use?', 'Which scents do you have?'],
    body:
      'Every candle is hand-poured from **100 % soy wax** with a cotton wick and phthalate-free fragrance oils. Scents ' +
      'this season: Lavender Dusk, Amber Hearth and Morning Citrus. Burn any candle in a ventilated room and out of ' +
      'reach of pets; birds are sensitive to all scented candles.',
    related: ['shop-candle-burn-time', 'shop-restock'],
  },
  // ---- shop: payment and account
  {
    id: 'shop-payment-methods',
    organizationId: 'shop',
    title: 'Which payment methods do you accept?',
    body: 'We accept:\n\n- Visa, Mastercard and American Express\n- PayPal and Apple Pay\n- Gift cards\n- Pay in 4 interest-free instalments with Klarna on orders over $100',
    related: ['shop-payment-failed', 'shop-gift-cards'],
  },
  {
    id: 'shop-payment-failed',
    organizationId: 'shop',
    title: 'Why did my payment fail?',
    body:
      'A payment usually fails because the card details or billing address do not match, the card has expired, or the bank ' +
      'blocked the purchase. Check the details and try again, or use another payment method. You were **not charged** for a failed payment.',
    related: ['shop-payment-methods', 'shop-contact'],
  },
  {
    id: 'shop-reset-password',
    organizationId: 'shop',
    title: 'How do I reset my password?',
    askedAs: ['I cannot log in to my account', 'I forgot my password'],
    body:
      'Go to [Sign in](https://shop.example.com/account/login), choose **Forgot password?** and enter your email. ' +
      'The reset link is valid for 30 minutes; check your spam folder if it does not arrive.',
    related: ['shop-account-delete', 'shop-contact'],
  },
  {
    id: 'shop-account-delete',
    organizationId: 'shop',
    title: 'How do I delete my account?',
    body:
      'Open **Account → Privacy** and choose **Delete my account**. We erase your profile and saved addresses within ' +
      '30 days; order records are kept for 7 years because tax law requires it.',
    related: ['shop-reset-password', 'shop-newsletter'],
  },
  {
    id: 'shop-newsletter',
    organizationId: 'shop',
    title: 'How do I unsubscribe from the newsletter?',
    body: 'Click **Unsubscribe** at the bottom of any newsletter, or turn off marketing emails under **Account → Notifications**.',
    related: ['shop-account-delete'],
  },
  {
    id: 'shop-gift-cards',
    organizationId: 'shop',
    title: 'Which gift cards do you sell?',
    body: 'We sell digital gift cards delivered by email, and printed cards in a gift box. They never expire.',
    related: ['shop-payment-methods', 'shop-discount-codes'],
    templates: [
      cardTemplate([
        {
          title: 'Digital gift card',
          'sub-title': '$25 to $500, delivered by email in minutes',
          'image-url': assetPath('gift-card'),
          buttons: [linkButton('Buy a digital card', 'https://shop.example.com/gift-cards/digital')],
        },
        {
          title: 'Gift box card',
          'sub-title': 'A printed card in a linen box, ships free',
          'image-url': assetPath('gift-box'),
          buttons: [
            linkButton('Buy a gift box', 'https://shop.example.com/gift-cards/box'),
            messageButton('Check my balance', 'How do I check my gift card balance?'),
          ],
        },
      ]),
    ],
  },
  {
    id: 'shop-gift-card-balance',
    organizationId: 'shop',
    title: 'How do I check my gift card balance?',
    body: 'Enter the card number and PIN on the [gift card balance page](https://shop.example.com/gift-cards/balance).',
    related: ['shop-gift-cards'],
  },
  {
    id: 'shop-discount-codes',
    organizationId: 'shop',
    title: 'Why is my discount code not working?',
    body:
      'Discount codes are case-sensitive, work once per customer and cannot be combined. Check the **expiry date** and the ' +
      'minimum order value in the email that gave you the code.',
    related: ['shop-gift-cards', 'shop-price-match'],
  },
  {
    id: 'shop-price-match',
    organizationId: 'shop',
    title: 'Do you offer price matching?',
    body:
      'If you find the same item cheaper at a major retailer within 14 days of buying it, we refund the difference. ' +
      'Send us the link through the contact form.',
    related: ['shop-discount-codes', 'shop-contact'],
  },
  // ---- shop: products
  {
    id: 'shop-size-chart',
    organizationId: 'shop',
    title: 'Where is the size chart for bedding and linen?',
    body: 'Here is our size chart for duvet covers, sheets and tablecloths. Measure your mattress depth before choosing fitted sheets.',
    related: ['shop-exchange', 'shop-care-linen'],
    templates: [
      imageTemplate(
        assetPath('size-chart'),
        'Bedding size chart: mattress and duvet cover sizes for single, double, queen and king beds',
      ),
    ],
  },
  {
    id: 'shop-care-linen',
    organizationId: 'shop',
    title: 'How do I wash and care for linen?',
    body:
      'Wash linen at **40 °C** on a gentle cycle with a mild detergent, without bleach or fabric softener. ' +
      'Tumble-dry on low or line-dry, and iron while slightly damp.',
    related: ['shop-size-chart'],
  },
  {
    id: 'shop-restock',
    organizationId: 'shop',
    title: 'When will a sold-out product be back in stock?',
    body: 'Most items are restocked within 4–6 weeks. Choose **Notify me** on the product page and we email you the moment it is back.',
    related: ['shop-warranty'],
  },
  {
    id: 'shop-warranty',
    organizationId: 'shop',
    title: 'What warranty do furniture and lamps have?',
    body: 'Furniture has a **5-year** warranty against manufacturing defects; lamps and electrical items have 2 years.',
    related: ['shop-damaged', 'shop-contact'],
  },
  {
    id: 'shop-assembly',
    organizationId: 'shop',
    title: 'Do you offer furniture assembly?',
    body: 'Yes — add **Assembly** at checkout for $49 per item. Our partner assembles the furniture and takes the packaging away.',
    related: ['shop-shipping-costs', 'shop-warranty'],
  },
  {
    id: 'shop-contact',
    organizationId: 'shop',
    title: 'How can I talk to a person or contact customer service?',
    body: 'Our support team is available Monday to Friday, 9 am to 6 pm. How would you like to reach us?',
    related: ['shop-damaged', 'shop-payment-failed'],
    templates: [
      quickReplyTemplate('Choose how to contact us', [
        messageReply('Live chat', 'I want to chat with an agent'),
        linkReply('Email us', 'mailto:help@shop.example.com'),
        linkReply('Call us', 'https://shop.example.com/help/phone'),
      ]),
    ],
  },
  {
    id: 'shop-agent-handoff',
    organizationId: 'shop',
    title: 'I want to chat with an agent',
    body: 'I am passing you to the next available agent. The usual wait is **under 3 minutes**; please keep this window open.',
    related: ['shop-contact'],
  },
  {
    id: 'shop-order-status-widget',
    organizationId: 'shop',
    title: 'How do I add the order tracking widget to my website?',
    body:
      'Business customers can embed our order tracking widget on their own site. Paste this snippet before the closing ' +
      '`</body>` tag and replace the store id with yours from the [partner dashboard](https://partners.shop.example.com).',
    related: ['shop-track-order'],
    templates: [
      codeTemplate(
        '<script src="https://cdn.shop.example.com/track.js" data-store="YOUR_STORE_ID" defer></script>\n' +
          '<div id="lumen-order-tracking"></div>',
      ),
    ],
  },
  {
    id: 'shop-store-hours',
    organizationId: 'shop',
    title: 'Where are your physical stores and what are the opening hours?',
    body:
      'Our showrooms in **Portland** and **Seattle** are open Tuesday to Sunday, 10 am to 7 pm. ' +
      'See the [store locator](https://shop.example.com/stores) for addresses.',
    related: ['shop-contact'],
  },
  // ---- school
  {
    id: 'school-enrollment-deadline',
    organizationId: 'school',
    title: 'When is the enrollment deadline for the autumn term?',
    body:
      'Applications for the **autumn term** close on **15 June**. Late applications are considered only if places remain; ' +
      'submit them through the [admissions portal](https://northbridge.example.edu/admissions).',
    related: ['school-enrollment-documents', 'school-tuition-fees', 'school-open-day'],
  },
  {
    id: 'school-enrollment-documents',
    organizationId: 'school',
    title: 'Which documents do I need for enrollment?',
    body:
      'Please prepare:\n\n- the birth certificate or passport of the student\n- the last two school reports\n' +
      '- proof of address (a utility bill from the last 3 months)\n- vaccination records',
    related: ['school-enrollment-deadline'],
  },
  {
    id: 'school-tuition-fees',
    organizationId: 'school',
    title: 'What are the tuition fees and when are they due?',
    body:
      'Tuition is billed per term and due **two weeks before the term starts**. The current fee table is on the ' +
      '[fees page](https://northbridge.example.edu/fees); sibling discounts of 10% apply automatically.',
    related: ['school-scholarships', 'school-payment-plan'],
  },
  {
    id: 'school-payment-plan',
    organizationId: 'school',
    title: 'Can tuition be paid in monthly instalments?',
    body: 'Yes. Families can spread each term into three monthly instalments; set it up in the parent portal under **Billing**.',
    related: ['school-tuition-fees'],
  },
  {
    id: 'school-scholarships',
    organizationId: 'school',
    title: 'Does the academy offer scholarships or financial aid?',
    body:
      'Means-tested bursaries cover up to 100% of tuition, and academic scholarships up to 50%. Apply by **1 March** ' +
      'with the [financial aid form](https://northbridge.example.edu/aid).',
    related: ['school-tuition-fees'],
  },
  {
    id: 'school-uniform',
    organizationId: 'school',
    title: 'Where can I buy the school uniform?',
    body:
      'Uniform items are sold through the school shop. Blazers, jumpers and ties carry the academy crest; plain white ' +
      'shirts and black shoes can be bought anywhere.',
    related: ['school-uniform-sizes', 'school-lost-property'],
    templates: [
      cardTemplate([
        {
          title: 'Blazer with crest',
          'sub-title': 'Navy wool blend, sizes 26–46',
          'image-url': assetPath('blazer'),
          buttons: [linkButton('Order a blazer', 'https://northbridge.example.edu/shop/blazer')],
        },
        {
          title: 'Sports kit',
          'sub-title': 'Polo, shorts and track top',
          'image-url': assetPath('sports-kit'),
          buttons: [linkButton('Order sports kit', 'https://northbridge.example.edu/shop/sport')],
        },
      ]),
    ],
  },
  {
    id: 'school-uniform-sizes',
    organizationId: 'school',
    title: 'Which uniform size should my child wear?',
    body: 'Measure chest and height and compare them with the uniform size chart below. When in doubt, choose the larger size.',
    related: ['school-uniform'],
    templates: [
      imageTemplate(assetPath('uniform-sizes'), 'Uniform size chart: size, chest and height for ages 5 to 14'),
    ],
  },
  {
    id: 'school-term-dates',
    organizationId: 'school',
    title: 'When do the terms start and end? (term dates and holidays)',
    body:
      'The school year has three terms: **autumn** (September to December), **spring** (January to March) and ' +
      '**summer** (April to July). Exact dates and half-term holidays are in the [calendar](https://northbridge.example.edu/calendar).',
    related: ['school-absence', 'school-open-day'],
  },
  {
    id: 'school-absence',
    organizationId: 'school',
    title: 'How do I report that my child is absent or sick?',
    body: 'Report an absence before **8:30 am** in the parent portal or by calling the attendance line. Please give the reason and expected return date.',
    related: ['school-term-dates', 'school-contact-teacher'],
  },
  {
    id: 'school-contact-teacher',
    organizationId: 'school',
    title: 'How can parents contact a teacher?',
    body: 'Send a message through the parent portal; teachers answer within two school days. For urgent matters call the school office.',
    related: ['school-parent-portal', 'school-absence'],
    templates: [
      quickReplyTemplate('What would you like to do?', [
        messageReply('Book a parent meeting', 'How do I book a parent-teacher meeting?'),
        linkReply('Open the parent portal', 'https://portal.northbridge.example.edu'),
      ]),
    ],
  },
  {
    id: 'school-parent-meeting',
    organizationId: 'school',
    title: 'How do I book a parent-teacher meeting?',
    body: 'Parent-teacher evenings are held each term. Book a 10-minute slot in the parent portal under **Meetings** once booking opens.',
    related: ['school-contact-teacher'],
  },
  {
    id: 'school-parent-portal',
    organizationId: 'school',
    title: 'I cannot log in to the parent portal',
    body:
      'Use the email the school has on file and choose **Reset password** on the [portal login](https://portal.northbridge.example.edu). ' +
      'If your email changed, ask the school office to update it.',
    related: ['school-contact-teacher'],
  },
  {
    id: 'school-lunch',
    organizationId: 'school',
    title: 'How do school lunches and the cafeteria menu work?',
    body: 'Hot lunches cost $4.50 and are paid from the cafeteria balance in the parent portal. The weekly menu lists allergens for every dish.',
    related: ['school-allergies'],
  },
  {
    id: 'school-allergies',
    organizationId: 'school',
    title: 'My child has a food allergy — what should I do?',
    body: 'Tell the school nurse and fill in the **medical form** with your doctor. The cafeteria prepares allergen-free meals on request.',
    related: ['school-lunch'],
  },
  {
    id: 'school-bus',
    organizationId: 'school',
    title: 'Is there a school bus, and what are the routes?',
    body: 'Four bus routes serve the city and suburbs. Register for a seat each year; see the [bus routes map](https://northbridge.example.edu/bus).',
    related: ['school-term-dates'],
  },
  {
    id: 'school-open-day',
    organizationId: 'school',
    title: 'When is the next open day or campus tour?',
    body: 'Open days are held in **October** and **February**; private campus tours run every Wednesday at 10 am. Book on the admissions page.',
    related: ['school-enrollment-deadline'],
  },
  {
    id: 'school-clubs',
    organizationId: 'school',
    title: 'Which after-school clubs and activities are offered?',
    body: 'Clubs include robotics, choir, debating, football, swimming and drama. Most are free; sign up at the start of each term.',
    related: ['school-term-dates'],
  },
  {
    id: 'school-lost-property',
    organizationId: 'school',
    title: 'Where is lost property?',
    body: 'Lost property is kept at the sports hall reception for one term. Label every uniform item with your child’s name.',
    related: ['school-uniform'],
  },
  {
    id: 'school-timetable-embed',
    organizationId: 'school',
    title: 'How do I embed the class timetable on a club website?',
    body: 'Club leaders can show the live timetable with this snippet; replace the class code with your own.',
    related: ['school-clubs'],
    templates: [
      codeTemplate(
        '<iframe src="https://northbridge.example.edu/timetable/embed?class=7B" title="Timetable" width="600" height="400"></iframe>',
      ),
    ],
  },
];
