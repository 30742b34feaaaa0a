/**
 * Word lists the benchmark catalog is generated from: a general store's departments, their goods,
 * brands, variants and pack sizes. A few words carry diacritics (`Crème`, `Jalapeño`) and a few are
 * compounds (`Dairymilk`, `Cornflakes`) so folding and substring search are exercised at scale.
 * Changing a list changes every generated database: bump BUILDER_VERSION in build-database.ts.
 */

export interface Department {
  /** Three letters, the start of every SKU in the department. */
  code: string
  tags: readonly string[]
  goods: readonly string[]
  sizes: readonly string[]
  /** Typical price range in minor units. */
  priceCents: readonly [number, number]
}

export const DEPARTMENTS: readonly Department[] = [
  {
    code: 'DAI',
    tags: ['dairy', 'chilled'],
    goods: ['Milk', 'Buttermilk', 'Curd', 'Yogurt', 'Butter', 'Paneer', 'Cheese', 'Cream', 'Crème Fraîche', 'Ghee', 'Lassi', 'Cheddar', 'Gruyère', 'Mozzarella', 'Skyr'],
    sizes: ['200ml', '500ml', '1L', '100g', '200g', '400g', '1kg'],
    priceCents: [4_000, 90_000],
  },
  {
    code: 'BAK',
    tags: ['bakery', 'fresh'],
    goods: ['Bread Loaf', 'Brown Bread', 'Buns', 'Croissant', 'Baguette', 'Muffins', 'Rusk', 'Naan', 'Sourdough', 'Bagels', 'Crème Brûlée Tart', 'Doughnuts'],
    sizes: ['2 pcs', '4 pcs', '6 pcs', '300g', '400g', '800g'],
    priceCents: [3_000, 60_000],
  },
  {
    code: 'GRA',
    tags: ['grocery', 'staples'],
    goods: ['Basmati Rice', 'Jeera Masino Rice', 'Brown Rice', 'Atta', 'Maida', 'Besan', 'Semolina', 'Poha', 'Masoor Dal', 'Moong Dal', 'Chana Dal', 'Toor Dal', 'Rajma', 'Chickpeas', 'Oats', 'Cornflakes', 'Muesli', 'Quinoa'],
    sizes: ['500g', '1kg', '2kg', '5kg', '10kg', '25kg'],
    priceCents: [8_000, 400_000],
  },
  {
    code: 'OIL',
    tags: ['grocery', 'cooking'],
    goods: ['Sunflower Oil', 'Mustard Oil', 'Soybean Oil', 'Olive Oil', 'Rice Bran Oil', 'Groundnut Oil', 'Coconut Oil', 'Vanaspati'],
    sizes: ['500ml', '1L', '2L', '5L', '15L'],
    priceCents: [20_000, 450_000],
  },
  {
    code: 'SPI',
    tags: ['grocery', 'spices'],
    goods: ['Garam Masala', 'Turmeric Powder', 'Chilli Powder', 'Cumin Seeds', 'Coriander Powder', 'Black Pepper', 'Cardamom', 'Cloves', 'Cinnamon', 'Timur', 'Jalapeño Flakes', 'Fenugreek', 'Asafoetida', 'Meat Masala', 'Chat Masala'],
    sizes: ['50g', '100g', '200g', '500g'],
    priceCents: [3_000, 80_000],
  },
  {
    code: 'BEV',
    tags: ['beverages'],
    goods: ['Cola', 'Orange Soda', 'Lemon Soda', 'Mango Juice', 'Apple Juice', 'Mixed Fruit Juice', 'Mineral Water', 'Soda Water', 'Energy Drink', 'Iced Tea', 'Coconut Water', 'Lemonade', 'Ginger Ale', 'Tonic Water'],
    sizes: ['250ml', '330ml', '500ml', '1L', '1.5L', '2L', '6 x 330ml'],
    priceCents: [2_500, 40_000],
  },
  {
    code: 'TEA',
    tags: ['beverages', 'hot-drinks'],
    goods: ['Black Tea', 'Green Tea', 'Masala Tea', 'Orthodox Tea', 'Tulsi Tea', 'Instant Coffee', 'Ground Coffee', 'Café Espresso Beans', 'Hot Chocolate', 'Malt Drink'],
    sizes: ['25 bags', '50 bags', '100g', '250g', '500g', '1kg'],
    priceCents: [10_000, 150_000],
  },
  {
    code: 'SNK',
    tags: ['snacks'],
    goods: ['Potato Chips', 'Noodles', 'Instant Noodles', 'Chicken Noodles', 'Bhujia', 'Peanuts', 'Cashews', 'Almonds', 'Popcorn', 'Nachos', 'Crackers', 'Pretzels', 'Trail Mix', 'Dalmoth', 'Chiura'],
    sizes: ['30g', '52g', '75g', '150g', '200g', '500g'],
    priceCents: [1_500, 90_000],
  },
  {
    code: 'SWT',
    tags: ['snacks', 'sweets'],
    goods: ['Chocolate Bar', 'Dairymilk Chocolate', 'Dark Chocolate', 'Biscuits', 'Cookies', 'Cashew Cookies', 'Wafers', 'Toffees', 'Lollipops', 'Jelly Beans', 'Marshmallows', 'Cake', 'Rasgulla', 'Gulab Jamun', 'Soan Papdi'],
    sizes: ['4 pcs', '50g', '100g', '250g', '500g', '1kg'],
    priceCents: [1_000, 120_000],
  },
  {
    code: 'PRD',
    tags: ['produce', 'fresh'],
    goods: ['Onion', 'Potato', 'Tomato', 'Garlic', 'Ginger', 'Cauliflower', 'Cabbage', 'Spinach', 'Carrots', 'Cucumber', 'Green Chilli', 'Lemons', 'Bananas', 'Apples', 'Oranges', 'Mangoes', 'Papaya', 'Pomegranate'],
    sizes: ['250g', '500g', '1kg', '2kg', 'per dozen'],
    priceCents: [3_000, 60_000],
  },
  {
    code: 'FRZ',
    tags: ['frozen'],
    goods: ['Momo', 'Chicken Momo', 'Veg Momo', 'Ice Cream', 'Häagen Dazs Vanilla', 'Frozen Peas', 'Sweet Corn', 'French Fries', 'Fish Fingers', 'Chicken Nuggets', 'Sausages', 'Kulfi'],
    sizes: ['250g', '500g', '1kg', '10 pcs', '20 pcs', '1L'],
    priceCents: [10_000, 150_000],
  },
  {
    code: 'HOM',
    tags: ['household'],
    goods: ['Dishwash Bar', 'Dishwash Liquid', 'Detergent Powder', 'Laundry Liquid', 'Toilet Cleaner', 'Floor Cleaner', 'Glass Cleaner', 'Tissue Roll', 'Kitchen Towel', 'Garbage Bags', 'Aluminium Foil', 'Matches', 'Candles', 'Mosquito Coil', 'Air Freshener'],
    sizes: ['1 pc', '4 pcs', '200ml', '500ml', '1L', '1kg', '2kg'],
    priceCents: [2_000, 110_000],
  },
  {
    code: 'PER',
    tags: ['personal-care'],
    goods: ['Soap', 'Body Wash', 'Shampoo', 'Conditioner', 'Toothpaste', 'Toothbrush', 'Face Wash', 'Moisturiser', 'Sunscreen', 'Hair Oil', 'Deodorant', 'Shaving Cream', 'Razor', 'Sanitary Pads', 'Cotton Buds', 'Lip Balm'],
    sizes: ['1 pc', '3 pcs', '70g', '100g', '150g', '180ml', '400ml'],
    priceCents: [3_000, 120_000],
  },
  {
    code: 'BAB',
    tags: ['baby'],
    goods: ['Baby Diapers', 'Baby Wipes', 'Baby Lotion', 'Baby Powder', 'Baby Food', 'Infant Formula', 'Baby Shampoo', 'Feeding Bottle'],
    sizes: ['1 pc', '24 pcs', '48 pcs', '100ml', '200g', '400g'],
    priceCents: [15_000, 300_000],
  },
  {
    code: 'PET',
    tags: ['pets'],
    goods: ['Dog Food', 'Cat Food', 'Puppy Biscuits', 'Cat Litter', 'Bird Seed', 'Fish Flakes', 'Dog Shampoo'],
    sizes: ['100g', '400g', '1kg', '3kg', '10kg'],
    priceCents: [8_000, 500_000],
  },
  {
    code: 'STA',
    tags: ['stationery'],
    goods: ['Notebook', 'Ballpoint Pen', 'Gel Pen', 'Pencil', 'Eraser', 'Sharpener', 'Glue Stick', 'Stapler', 'Envelopes', 'A4 Paper', 'Marker', 'Highlighter', 'Sticky Notes', 'Tape'],
    sizes: ['1 pc', '5 pcs', '10 pcs', '100 sheets', '500 sheets'],
    priceCents: [1_000, 80_000],
  },
]

/** Makers, local and imported; a product is "<brand> <variant?> <good> <size>". */
export const BRANDS: readonly string[] = [
  'DDC', 'Sujal', 'Amul', 'Nestlé', 'Britannia', 'Parle', 'Himalayan', 'Everest', 'Tokla', 'Ilam', 'Gorkha', 'Sherpa',
  'Annapurna', 'Kanchan', 'Sagarmatha', 'Trishuli', 'Bhaktapur', 'Pokhara', 'Mustang', 'Kathmandu', 'Everfresh', 'Daily',
  'Fortune', 'Dhara', 'Aashirvaad', 'Tata', 'Dabur', 'Patanjali', 'Haldiram', 'Bikaji', 'Wai Wai', 'Rara', 'Mayos',
  'Kurkure', 'Lays', 'Cadbury', 'Ferrero', 'Müller', 'Danone', 'Président', 'Lurpak', 'Kerrygold', 'Heinz', 'Kellogg',
  'Quaker', 'Unilever', 'Colgate', 'Dettol', 'Lifebuoy', 'Dove', 'Pantene', 'Himalaya', 'Nivea', 'Garnier', 'Vim',
  'Surf', 'Harpic', 'Lizol', 'Good Knight', 'Pampers', 'Huggies', 'Johnson', 'Pedigree', 'Whiskas', 'Classmate',
  'Camlin', 'Faber', 'Red Bull', 'Coca', 'Pepsi', 'Real', 'Frooti', 'Appy', 'Slice', 'Tropicana', 'Nescafé', 'Bru',
  'Lipton', 'Twinings', 'Horlicks', 'Bournvita', 'Milo', 'Café Noir', 'Señorita', 'La Crème', 'Jalapeño Jack',
  'Golden Harvest', 'Green Valley', 'Mountain Fresh', 'Village', 'Organic Roots', 'Pure Earth', 'Sunrise', 'Blue Bird',
  'Red Panda', 'Yeti', 'Lotus', 'Tiger', 'Rhino', 'Peacock', 'Swan', 'Crown', 'Royal', 'Star', 'Diamond', 'Silver Oak',
  'Happy Cow', 'Farmhouse', 'Homestyle', 'Grandma', 'Chef Ram', 'Spice Route', 'Tea Garden', 'Cloud Nine', 'Snow Peak',
]

/** Optional second word: flavour, grade or kind. */
export const VARIANTS: readonly string[] = [
  'Classic', 'Original', 'Fresh', 'Organic', 'Premium', 'Special', 'Gold', 'Lite', 'Extra', 'Family Pack', 'Value',
  'Masala', 'Spicy', 'Salted', 'Sweet', 'Mint', 'Lemon', 'Mango', 'Strawberry', 'Vanilla', 'Chocolate', 'Butterscotch',
  'Cardamom', 'Honey', 'Garlic', 'Tangy Tomato', 'Cream & Onion', 'Peri Peri', 'Herbal', 'Sugar Free', 'Low Fat',
  'Full Cream', 'Toned', 'Whole Wheat', 'Multigrain', 'Roasted', 'Smoked', 'Crunchy', 'Soft', 'Aloe Vera', 'Neem',
  'Sandal', 'Rose', 'Jasmine', 'Lavender', 'Charcoal', 'Kids', 'Junior', 'Jumbo', 'Mini', 'Crème', 'Brûlée', 'Piñata',
]

/** Extra tags some products carry on top of their department's. */
export const EXTRA_TAGS: readonly string[] = [
  'organic', 'vegan', 'gluten-free', 'sugar-free', 'imported', 'local', 'bestseller', 'seasonal', 'new', 'offer',
  'festival', 'dashain', 'tihar', 'halal', 'eco',
]
