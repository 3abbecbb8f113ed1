// The embedded first-name list for PII scrubbing, compiled by hand for tend:
// common given names from English-speaking countries, Western and Eastern
// Europe, Latin America, South Asia, East and Southeast Asia, the Arab world,
// Iran, Turkey and sub-Saharan Africa. Names that are also ordinary English
// words (Hope, May, Will, ...) are not here: they live in ambiguousNames and
// need a context cue.
package data

var firstNames = wordSet(`
Aaron Abby Abdul Abdullah Abigail Abimbola Ada Adam Adaeze Adebayo Adele Adrian Adriana Agnieszka Ahmad Ahmed Aidan Aiden
Aisha Aiko Akira Akash Alan Alana Albert Alberto Alejandra Alejandro Alex Alexa Alexander Alexandra Alexei Alfie Ali Alice
Alicia Alina Alison Alisha Aliyu Allison Alma Amanda Amara Amelia Amina Amir Amit Amy Ana Anastasia Andre Andrea Andreas Andrei
Andrew Andy Aneesh Angela Angelica Angus Anika Anil Anita Anjali Ann Anna Anne Annie Anthony Anton Antonio Anya Archie Arjun
Arnav Arthur Aryan Asha Ashley Ashok Astrid Ava Ayaan Ayesha Ayodele Babajide Barbara Barry Beatrice Becky Bella Ben Benjamin
Bernard Beth Bethany Betty Bianca Bilal Bjorn Blessing Bogdan Brandon Brenda Brian Bridget Brittany Bruno Bryan Caitlin
Callum Cameron Camila Carl Carla Carlos Carmen Caroline Carolyn Cassandra Catherine Cathy Cecilia Cedric Celine Chandra
Charles Charlie Charlotte Chen Chidi Chidinma Chiamaka Chinedu Chioma Chloe Chris Christina Christine Christopher Chukwuma
Ciara Cindy Claire Clara Claudia Colin Conor Connor Craig Cristina Dafydd Daisuke Dan Dana Daniel Daniela Danielle Danny
Darius Darren Dave David Debbie Deborah Deepak Deepika Demetrius Denise Dennis Derek Desmond Devon Diana Diane Diego Dimitri
Divya Dmitri Dominic Donna Dorothy Douglas Duncan Dylan Ebony Eddie Edward Efua Eilidh Elena Eleanor Eli Elijah Elif Elise
Elizabeth Ella Ellie Emeka Emily Emma Emmanuel Emre Eric Erica Erik Erin Esther Ethan Eugene Eun Eva Evan Evelyn Ewa Fabian
Farah Farid Fatima Fatma Felipe Fernando Finn Fiona Florence Francesca Francesco Francis Freddie Frederick Freya Gabriel
Gabriela Gareth Gary Gavin Gemma Georg George Gerald Gianna Gillian Giovanni Giulia Gloria Gordon Graham Greg Gregory Gustavo
Gwen Habib Hadiza Hamid Hamza Hana Hannah Hans Hari Harold Harper Harriet Harry Harvey Hassan Hayley Heidi Helen Helena Henry
Hiroshi Hoang Hugo Huong Hussein Ian Ibrahim Ida Ifeoma Igor Ikechukwu Ines Ingrid Irene Isaac Isabel Isabella Isabelle
Ishaan Isla Ismail Ivan Jacob Jacqueline Jake James Jamal Jamie Jana Jane Janet Janice Jasmine Jason Javier Jay Jayden Jean
Jeff Jennifer Jenny Jeremy Jerome Jessica Jesse Jiang Jiho Jin Jing Joan Joanna Joanne Joe Joel Johan Johanna John Jonathan
Jorge Jose Joseph Josephine Josh Joshua Juan Judith Judy Julia Julian Julie Juliet Jun Justin Kaito Kamala Kamal Karen Karim
Karina Kate Katherine Kathleen Kathryn Katie Katya Kavya Kayla Keisha Keith Kelly Kemi Ken Kenji Kenneth Kerry Kevin Khadija
Khalid Kieran Kim Kimberly Kofi Kojo Krishna Kristen Kumar Kwame Kyle Lakshmi Lamar Lara Laura Lauren Layla Leah Lee Leila
Lena Leo Leon Leonardo Liam Lina Linda Lindsay Ling Lisa Liu Logan Lorenzo Louis Louise Luca Lucas Lucia Lucy Luis Lukas Luke
Lwazi Lydia Madison Magdalena Mai Maja Malik Mandla Manuel Marcus Margaret Maria Mariam Marie Marina Mario Marisol Marta
Martha Martin Mary Mateo Matteo Matthew Maya Megan Mehmet Mei Melanie Melissa Mia Michael Michelle Miguel Mihai Mika Mike
Mila Min Ming Mohamed Mohammed Molly Monica Monique Muhammad Musa Mustafa Nadia Nadine Nancy Naomi Natalia Natalie Nathan
Neha Nia Nicholas Nick Nicola Nicole Nikhil Nikita Nina Nkechi Noah Noor Nora Obinna Olga Oliver Olivia Olu Oluwaseun Omar
Oscar Owen Pablo Pamela Paolo Patrick Paul Paula Pedro Peter Philip Phoebe Pierre Pooja Priya Rachel Rafael Rahul Raj Rajesh
Ramon Rana Rania Rashid Rebecca Reza Ricardo Richard Rikke Riya Robert Roberto Rohan Roman Ronald Rory Rosa Rosie Ruth Ryan
Sadia Sakura Sally Salma Sam Samantha Sami Samir Samuel Sana Sandra Sanjay Sara Sarah Sasha Scott Sean Sebastian Seo Sergei
Shanice Shannon Sharon Shauna Sheila Shirley Shreya Simon Siobhan Sipho Sofia Sophia Sophie Stephen Steve Steven Stuart
Sunita Susan Suzanne Svetlana Takeshi Tamara Tanisha Tanya Tariq Tatiana Ted Teresa Thabo Thandiwe Thomas Tim Timothy Tina
Tobias Todd Tom Tomasz Tommy Tony Tracy Tyler Uchenna Valentina Vanessa Vera Veronica Vicky Vikram Vincent Vivek Wei Wendy
Wesley William Xavier Xin Yan Yara Yasmin Yemi Yetunde Yosef Yuki Yusuf Yvonne Zahra Zainab Zara Zeynep Zoe Zoran Zuri
Abena Adwoa Akosua Ama Amani Baraka Chipo Dumisani Fadumo Folake Haruto Hye Kiran Leilani Mahnoor Nomvula Rangi Tariku Wanjiru
`)
