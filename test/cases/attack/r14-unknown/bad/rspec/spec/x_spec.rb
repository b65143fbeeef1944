RSpec.describe "x" do
  it("y") { expect(1).to eq(1) }
end
